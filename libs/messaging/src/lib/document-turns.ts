import { SingleWinner } from '@pilot/runtime';
import type { Connection, Model, UpdateQuery } from 'mongoose';

/** A turn outlives its holder only if the holder died between taking it and writing. */
const STALE_TURN_MS = 30_000;
/** How long `update` waits for a turn: about a second, far longer than any writer holds one. */
const UPDATE_ATTEMPTS = 40;
const UPDATE_PAUSE_MS = 25;

/**
 * FerretDB v1 applies an update by reading the document and writing it back whole, so two
 * concurrent updates of one document can lose either one (measured: a `$set` lost in half of 60
 * rounds against a concurrent `$pop`). Writers of a document with an outbox therefore take turns:
 * each write claims the document's write count (`writes`), writes only if it is unchanged, and
 * raises it. The domain's changes and the relay's removal of published events both go through here.
 */
export class DocumentTurns {
  private readonly claims: SingleWinner;

  constructor(connection: Connection) {
    // A collection of their own: turns are worthless once taken and written, so they can be
    // purged (see StoreHousekeeping) without touching the one-shot claims of other steps.
    this.claims = new SingleWinner(connection, 'document_turns');
  }

  /** True when this caller holds the turn after the given write count. */
  async take(model: Model<any>, documentId: unknown, writes: number | undefined, now = new Date()): Promise<boolean> {
    return this.claims.claimRecovering(`${model.collection.collectionName}:${String(documentId)}:w${writes ?? 0}`, STALE_TURN_MS, now);
  }

  /**
   * Applies one update to the document in its turn, after whatever write came before it. False
   * when the document is gone or no turn came free in time.
   */
  async update(model: Model<any>, documentId: unknown, update: UpdateQuery<unknown>): Promise<boolean> {
    for (let attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
      const current = await model.findById(documentId, { writes: 1 }).lean<{ writes?: number }>();
      if (!current) return false;
      if (await this.take(model, documentId, current.writes)) {
        await model.updateOne({ _id: documentId, ...atWrites(current.writes) }, { ...update, $inc: { ...update.$inc, writes: 1 } });
        return true;
      }
      await new Promise((resolve) => setTimeout(resolve, UPDATE_PAUSE_MS));
    }
    return false;
  }

  /** Forgets turns taken before the cutoff: their writes are long done, or their takers long dead. */
  async forgetOlderThan(cutoff: Date): Promise<number> {
    return this.claims.forgetOlderThan(cutoff);
  }

  /** Gives back a turn whose write failed without changing anything. */
  async giveBack(model: Model<any>, documentId: unknown, writes: number | undefined): Promise<void> {
    await this.claims.release(`${model.collection.collectionName}:${String(documentId)}:w${writes ?? 0}`);
  }
}

/** Matches the document only while its write count is the one the turn was taken on. */
export function atWrites(writes: number | undefined): Record<string, unknown> {
  return writes ? { writes } : { writes: { $exists: false } };
}
