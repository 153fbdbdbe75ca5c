import { PlatformError, type ErrorCode } from '@pilot/contracts';
import type { Model } from 'mongoose';
import { updateOf, documentOf, type Change } from './change';
import { Claims } from './claims';
import { isDuplicateKeyError } from './duplicate-key';
import { PROCESS_ORIGIN, outboxEntryOf, type DomainEvent, type OutboxEntry } from './outbox';

/** A turn outlives its holder only if the holder died between taking it and writing. */
const STALE_TURN_MS = 30_000;
/** Turns are worthless once written; housekeeping forgets them after this. */
const TURN_KEPT_MS = 60 * 60_000;
/** How long a writer waits for turns before it gives up: far longer than anyone holds one. */
const WAIT_BUDGET_MS = 5_000;
const FIRST_PAUSE_MS = 10;
const LONGEST_PAUSE_MS = 100;

export interface Turned {
  _id: unknown;
  writes?: number;
}

/** What the writer decides, seeing the document as it is now: a change, or nothing to do. */
export type Decision<D, T> = (current: D) => Change<T> | undefined;

export type WriteOutcome<D> = { written: true; document: D } | { written: false; document: D | null };

export interface WriteOptions {
  /** What a writer that never got a turn hears. */
  busy?: ErrorCode;
  /** Versioned changes move the document's version on with the write. */
  bumpVersion?: boolean;
  /** The document as the caller last read it, to try its turn without reading it again. */
  known?: Turned;
  waitBudgetMs?: number;
}

/**
 * FerretDB v1 applies an update by reading the document and writing it back whole, so two
 * concurrent updates of one document can lose either one (measured: 167 of 200 concurrent `$inc`s
 * lost, a `$set` lost in half of 60 rounds against a concurrent `$pop`). So every write of a
 * document takes a turn: it claims the document's write count (`writes`), writes only while the
 * count is unchanged, and moves it on. The decision is taken again on the document as it is at
 * each turn, so whoever wrote in between is seen, never overwritten.
 */
export class DocumentTurns {
  constructor(
    private readonly claims: Claims,
    private readonly afterWrite: (model: Model<any>, id: unknown) => void,
    private readonly origin: string = PROCESS_ORIGIN,
  ) {}

  /** Inserts a new document with the events announcing it; a taken unique key fails as the store's error. */
  async insert<D>(model: Model<any>, document: Record<string, unknown>, events: DomainEvent[] = []): Promise<D> {
    const entries = this.entriesOf(events);
    const created = await model.create({ ...document, ...(entries.length ? { outbox: entries } : {}) });
    if (entries.length) this.afterWrite(model, created._id);
    return created.toObject() as D;
  }

  async write<D extends Turned>(model: Model<any>, id: unknown, decide: Decision<D, any>, options: WriteOptions = {}): Promise<WriteOutcome<D>> {
    return this.inTurns<D, WriteOutcome<D>>(model, id, options, async (current) => {
      if (!current) return { done: true, outcome: { written: false, document: null } };
      return this.apply(model, current, decide(current), options);
    });
  }

  /** Like `write`, and a document that does not exist yet is created from the decision on nothing. */
  async upsert<D extends Turned>(model: Model<any>, id: unknown, decide: Decision<D | null, any>, options: WriteOptions = {}): Promise<WriteOutcome<D>> {
    return this.inTurns<D, WriteOutcome<D>>(model, id, options, async (current) => {
      if (current) return this.apply(model, current, decide(current), options);
      const change = decide(null);
      if (!change) return { done: true, outcome: { written: false, document: null } };
      try {
        return { done: true, outcome: { written: true, document: await this.insert<D>(model, documentOf(id, change), change.events) } };
      } catch (err) {
        // Created at the same moment by another writer: decide again on what it wrote.
        if (isDuplicateKeyError(err)) return { done: false };
        throw err;
      }
    });
  }

  /** Removes the document in its turn, when the decision on it says so. */
  async remove<D extends Turned>(model: Model<any>, id: unknown, decide: (current: D) => boolean, options: WriteOptions = {}): Promise<boolean> {
    return this.inTurns<D, boolean>(model, id, options, async (current) => {
      if (!current || !decide(current)) return { done: true, outcome: false };
      if (!(await this.take(model, current))) return { done: false };
      const { deletedCount } = await model.deleteOne({ _id: current._id, ...atWrites(current.writes) });
      return deletedCount === 1 ? { done: true, outcome: true } : { done: false };
    });
  }

  private async apply<D extends Turned>(model: Model<any>, current: D, change: Change<any> | undefined, options: WriteOptions): Promise<Step<WriteOutcome<D>>> {
    if (!change) return { done: true, outcome: { written: false, document: current } };
    if (!(await this.take(model, current))) return { done: false };
    const entries = this.entriesOf(change.events);
    let updated: D | null;
    try {
      updated = await model
        .findOneAndUpdate({ _id: current._id, ...atWrites(current.writes) }, updateOf(change, entries, options.bumpVersion ?? false), { returnDocument: 'after' })
        .lean<D>();
    } catch (err) {
      // Nothing was written, so the turn is still free.
      await this.claims.release(turnKey(model, current));
      throw err;
    }
    // Matching nothing in one's own turn means a stale turn was taken over meanwhile: look again.
    if (!updated) return { done: false };
    if (entries.length) this.afterWrite(model, current._id);
    return { done: true, outcome: { written: true, document: updated } };
  }

  private async inTurns<D extends Turned, R>(model: Model<any>, id: unknown, options: WriteOptions, attempt: (current: D | null) => Promise<Step<R>>): Promise<R> {
    const deadline = Date.now() + (options.waitBudgetMs ?? WAIT_BUDGET_MS);
    let pause = FIRST_PAUSE_MS;
    let known = options.known as D | undefined;
    for (;;) {
      const current = known ?? (await model.findById(id).lean<D>());
      known = undefined;
      const step = await attempt(current);
      if (step.done) return step.outcome;
      if (Date.now() > deadline) throw new PlatformError(options.busy ?? 'SERVICE_UNAVAILABLE');
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
    }
  }

  /** The outbox entries of a write's events, named as this process's. */
  private entriesOf(events: DomainEvent[] = []): OutboxEntry[] {
    return events.map((event) => outboxEntryOf(event, this.origin));
  }

  private take(model: Model<any>, current: Turned): Promise<boolean> {
    return this.claims.claimRecovering(turnKey(model, current), STALE_TURN_MS, TURN_KEPT_MS);
  }
}

type Step<R> = { done: true; outcome: R } | { done: false };

function turnKey(model: Model<any>, current: Turned): string {
  return `turn:${model.collection.collectionName}:${String(current._id)}:w${current.writes ?? 0}`;
}

/** Matches the document only while its write count is the one the turn was taken on. */
function atWrites(writes: number | undefined): Record<string, unknown> {
  return writes ? { writes } : { writes: { $exists: false } };
}
