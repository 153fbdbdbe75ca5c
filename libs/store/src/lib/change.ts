import type { DomainEvent, OutboxEntry } from './outbox';

type ArrayFields<T> = { [K in keyof T]-?: NonNullable<T[K]> extends readonly unknown[] ? K : never }[keyof T];
type ElementOf<A> = A extends readonly (infer E)[] ? E : never;

/**
 * What a write changes, in the domain's words: fields to set, fields to clear, items to add at
 * the end of array fields, and the events that announce it. The store turns it into the one
 * single-document update that carries them all.
 */
export interface Change<T> {
  set?: Partial<T>;
  unset?: (keyof T & string)[];
  append?: { [K in ArrayFields<T>]?: ElementOf<NonNullable<T[K]>>[] };
  events?: DomainEvent[];
}

/** The update operators of one change, with the document's write count (and version) moved on. */
export function updateOf<T>(change: Change<T>, entries: OutboxEntry[], bumpVersion: boolean): Record<string, unknown> {
  const push: Record<string, unknown> = {};
  for (const [field, items] of Object.entries(change.append ?? {})) if ((items as unknown[]).length) push[field] = { $each: items };
  if (entries.length) push['outbox'] = { $each: entries };
  const set = { ...(change.set ?? {}) } as Record<string, unknown>;
  delete set['_id'];
  return {
    ...(Object.keys(set).length ? { $set: set } : {}),
    ...(change.unset?.length ? { $unset: Object.fromEntries(change.unset.map((field) => [field, 1])) } : {}),
    ...(Object.keys(push).length ? { $push: push } : {}),
    $inc: bumpVersion ? { writes: 1, version: 1 } : { writes: 1 },
  };
}

/** A new document made of a change: its fields and its arrays as appended (its events go with the insert). */
export function documentOf<T>(id: unknown, change: Change<T>): Record<string, unknown> {
  return { ...(change.set ?? {}), ...(change.append ?? {}), _id: id };
}
