import { PlatformError, type ErrorCode, type Page } from '@pilot/contracts';
import { isValidObjectId, type Model, type QueryFilter, type Types } from 'mongoose';
import type { Change } from './change';
import type { Claims } from './claims';
import { isDuplicateKeyError } from './duplicate-key';
import type { DomainEvent, OutboxEntry } from './outbox';
import { keywordFilter, pageWindow } from './paging';
import type { DocumentTurns } from './turns';

type IdOf<T> = T extends { _id: infer I } ? I : Types.ObjectId;

/** A document as read from the store: plain data, with its id also as a string. */
export type Stored<T> = Omit<T, '_id'> & { _id: IdOf<T>; id: string; writes?: number; outbox?: readonly OutboxEntry[] };

/** A document to create; the store fills in its id (unless the domain names it) and bookkeeping. */
export type New<T> = Omit<T, '_id' | 'writes' | 'createdAt' | 'updatedAt'> & Partial<Pick<T & { _id: unknown; createdAt: Date; updatedAt: Date }, '_id' | 'createdAt' | 'updatedAt'>>;

export type Sort = Record<string, 1 | -1>;

export interface FindOptions<K extends string> {
  sort?: Sort;
  skip?: number;
  limit?: number;
  select?: K[];
}

export interface PageRequest {
  page?: number;
  pageSize?: number;
  sort: Sort;
  keyword?: unknown;
  keywordFields?: string[];
}

/** What a write in turn did: `written` is false when the decision found nothing to do, or the document is absent. */
export interface Written<T> {
  written: boolean;
  document: Stored<T> | null;
}

export type Decide<T> = (current: Stored<T>) => Change<T> | undefined;
export type DecideOrCreate<T> = (current: Stored<T> | null) => Change<T> | undefined;

/** Bulk writes are sliced: FerretDB v1 on SQLite deadlocks on a bulk write of 100 matching upserts (its pool has 100). */
export const BULK_WRITE_SLICE = 50;

/** How many documents `updateEach` writes side by side. */
const PARALLEL_WRITES = 4;
const CLAIM_KEPT_MS = 24 * 60 * 60_000;

/**
 * One aggregate's documents. Reads are plain data; every write goes through here and is safe on
 * MongoDB and on FerretDB v1 alike: a write of one document takes the document's turn (see
 * DocumentTurns) and carries its events in the same write, a contested step is a claim, and a
 * create is a unique insert. Domain code says what changes; it never writes update operators.
 */
export class Repository<T> {
  constructor(
    private readonly model: Model<T>,
    private readonly turns: DocumentTurns,
    private readonly claims: Claims,
  ) {}

  // Reads.

  /** The document with this id (and within the scope, when one is given), or null; an id that cannot exist reads as absent. */
  async get(id: unknown, within?: QueryFilter<T>): Promise<Stored<T> | null> {
    if (!this.possibleId(id)) return null;
    const query = within ? this.model.findOne({ ...within, _id: id } as QueryFilter<T>) : this.model.findById(id);
    return withId(await query.lean<Stored<T>>());
  }

  async findOne(filter: QueryFilter<T>): Promise<Stored<T> | null> {
    return withId(await this.model.findOne(filter).lean<Stored<T>>());
  }

  async find<K extends keyof T & string>(filter: QueryFilter<T>, options: FindOptions<K> = {}): Promise<Stored<T>[]> {
    let query = this.model.find(filter, options.select ? Object.fromEntries(options.select.map((field) => [field, 1])) : undefined);
    if (options.sort) query = query.sort(options.sort);
    if (options.skip) query = query.skip(options.skip);
    if (options.limit) query = query.limit(options.limit);
    return (await query.lean<Stored<T>[]>()).map((document) => withId(document) as Stored<T>);
  }

  /** A page of the documents matching the filter and, when given, the keyword in any of its fields. */
  async page(filter: QueryFilter<T>, request: PageRequest): Promise<Page<Stored<T>>> {
    const { page, pageSize, skip } = pageWindow(request);
    const matching = { ...filter, ...keywordFilter(request.keyword, request.keywordFields ?? []) } as QueryFilter<T>;
    const [total, items] = await Promise.all([this.count(matching), this.find(matching, { sort: request.sort, skip, limit: pageSize })]);
    return { items, total, page, pageSize };
  }

  count(filter: QueryFilter<T> = {}): Promise<number> {
    return this.model.countDocuments(filter);
  }

  async exists(filter: QueryFilter<T>): Promise<boolean> {
    return (await this.model.exists(filter)) !== null;
  }

  // Writes.

  /** Creates the document with the events announcing it; a taken unique key fails as `taken`. */
  async create(document: New<T>, options: { events?: DomainEvent[]; taken?: ErrorCode } = {}): Promise<Stored<T>> {
    try {
      return withId(await this.turns.insert<Stored<T>>(this.model, document as Record<string, unknown>, options.events)) as Stored<T>;
    } catch (err) {
      if (options.taken && isDuplicateKeyError(err)) throw new PlatformError(options.taken);
      throw err;
    }
  }

  /**
   * Changes the version of the document that was read, with its events: of two changes of one
   * version exactly one wins, and the other fails as `conflict` (the caller reads again).
   */
  async change(current: Stored<T> & { version: number }, change: Change<T>, options: { conflict: ErrorCode; taken?: ErrorCode }): Promise<Stored<T>> {
    const outcome = await this.guard(options.taken, () =>
      this.turns.write<Stored<T>>(
        this.model,
        current._id,
        (now) => {
          if ((now as { version?: number }).version !== current.version) throw new PlatformError(options.conflict);
          return change;
        },
        { known: current, bumpVersion: true, busy: options.conflict },
      ),
    );
    if (!outcome.written) throw new PlatformError(options.conflict);
    return withId(outcome.document) as Stored<T>;
  }

  /**
   * Writes what the decision says, after whatever write came before: the decision sees the
   * document as it is at its turn. Its document is null when the document does not exist.
   */
  async update(id: unknown, decide: Decide<T> | Change<T>, options: { busy?: ErrorCode } = {}): Promise<Written<T>> {
    if (!this.possibleId(id)) return { written: false, document: null };
    const decision = decisionOf(decide);
    const outcome = await this.turns.write<Stored<T>>(this.model, id, (current) => decision(withId(current) as Stored<T>), options);
    return { written: outcome.written, document: withId(outcome.document) };
  }

  /** Like `update`, and a document that does not exist yet is made of the decision on nothing. */
  async upsert(id: unknown, decide: DecideOrCreate<T> | Change<T>, options: { busy?: ErrorCode } = {}): Promise<Written<T>> {
    const decision = decisionOf(decide);
    const outcome = await this.turns.upsert<Stored<T>>(this.model, id, (current) => decision(withId(current)), options);
    return { written: outcome.written, document: withId(outcome.document) };
  }

  /** Updates, each in its turn, the documents matching the filter; the decision checks each one again. */
  async updateEach(filter: QueryFilter<T>, decide: Decide<T>): Promise<number> {
    const ids = (await this.model.find(filter, { _id: 1 }).lean<{ _id: unknown }[]>()).map((document) => document._id);
    let written = 0;
    let next = 0;
    const writeNext = async () => {
      for (let index = next++; index < ids.length; index = next++) {
        if ((await this.turns.write<Stored<T>>(this.model, ids[index], (current) => decide(withId(current) as Stored<T>))).written) written += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_WRITES, ids.length) }, writeNext));
    return written;
  }

  /** Removes the version that was read, unless someone changed it first (`conflict`). */
  async remove(current: Stored<T> & { version: number }, options: { conflict: ErrorCode }): Promise<void> {
    const removed = await this.turns.remove<Stored<T>>(
      this.model,
      current._id,
      (now) => {
        if ((now as { version?: number }).version !== current.version) throw new PlatformError(options.conflict);
        return true;
      },
      { known: current, busy: options.conflict },
    );
    if (!removed) throw new PlatformError(options.conflict);
  }

  /** Removes records nobody else writes (spent sign-in failures, say) by a filter. */
  async removeWhere(filter: QueryFilter<T>): Promise<number> {
    const { deletedCount } = await this.model.deleteMany(filter);
    return deletedCount;
  }

  /**
   * True for exactly one of the attempts at a step that must happen once for this document (a
   * captcha's use, a refresh token's rotation), however many run at the same moment.
   */
  claimOnce(id: unknown, step: string, keepMs = CLAIM_KEPT_MS): Promise<boolean> {
    return this.claims.claim(`once:${this.model.collection.collectionName}:${String(id)}:${step}`, keepMs);
  }

  /**
   * Sets whole records of reference data (imports and seeds), keyed by the filter, in slices.
   * These records have no other writers while they are imported, so no turns are taken; the
   * write count still moves on, so a turn taken on the old count finds the record changed.
   */
  async upsertMany(rows: { filter: QueryFilter<T>; set: Partial<T>; insertOnly?: Partial<T> }[]): Promise<void> {
    const operations = rows.map(({ filter, set, insertOnly }) => ({
      updateOne: { filter, update: { $set: set, $inc: { writes: 1 }, ...(insertOnly ? { $setOnInsert: insertOnly } : {}) }, upsert: true },
    }));
    for (let start = 0; start < operations.length; start += BULK_WRITE_SLICE) {
      await this.model.bulkWrite(operations.slice(start, start + BULK_WRITE_SLICE) as Parameters<Model<T>['bulkWrite']>[0]);
    }
  }

  private possibleId(id: unknown): boolean {
    const type = this.model.schema.path('_id')?.instance;
    return type === 'ObjectId' ? isValidObjectId(id) : id !== undefined && id !== null && id !== '';
  }

  /** A store failure of a unique index in the middle of a change (a rename to a taken name, say). */
  private async guard<R>(taken: ErrorCode | undefined, write: () => Promise<R>): Promise<R> {
    try {
      return await write();
    } catch (err) {
      if (taken && isDuplicateKeyError(err)) throw new PlatformError(taken);
      throw err;
    }
  }
}

function decisionOf<T, D>(decide: ((current: D) => Change<T> | undefined) | Change<T>): (current: D) => Change<T> | undefined {
  return typeof decide === 'function' ? decide : () => decide;
}

function withId<D extends { _id: unknown } | null>(document: D): (D & { id: string }) | null {
  if (!document) return null;
  return Object.assign(document, { id: String(document._id) });
}
