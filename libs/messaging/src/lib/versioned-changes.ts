import { PlatformError, type ErrorCode } from '@pilot/contracts';
import { SingleWinner } from '@pilot/runtime';
import type { Connection, Model, UpdateQuery } from 'mongoose';
import type { OutboxEntry, OutboxRelay } from './outbox';

/** A claim outlives its writer only if that writer died between claim and write. */
const STALE_CLAIM_MS = 30_000;

interface Versioned {
  _id: unknown;
  version: number;
}

/**
 * Applies one change to the version of a document that was read, with the events announcing it.
 * This store's conditional updates are not atomic under concurrency, so the version is claimed
 * first: of two concurrent changes one wins and the other gets `conflict` (the caller reloads).
 */
export class VersionedChanges {
  private readonly claims: SingleWinner;

  constructor(connection: Connection, private readonly relay: OutboxRelay) {
    this.claims = new SingleWinner(connection);
  }

  async apply<D extends Versioned>(
    model: Model<any>,
    current: D,
    update: UpdateQuery<unknown>,
    events: OutboxEntry[],
    conflict: ErrorCode,
    now = new Date(),
  ): Promise<D> {
    const claim = `${model.collection.collectionName}:${String(current._id)}:v${current.version}`;
    if (!(await this.claims.claimRecovering(claim, STALE_CLAIM_MS, now))) throw new PlatformError(conflict);
    let updated: D | null;
    try {
      updated = await model.findOneAndUpdate(
        { _id: current._id, version: current.version },
        { ...update, $inc: { version: 1 }, ...(events.length ? { $push: { ...update.$push, outbox: { $each: events } } } : {}) },
        { returnDocument: 'after' },
      );
    } catch (err) {
      // Nothing was written, so the version is still free to change.
      await this.claims.release(claim);
      throw err;
    }
    if (!updated) throw new PlatformError(conflict);
    if (events.length) this.relay.nudge();
    return updated;
  }

  /** Removes the version that was read, unless someone changed it first. */
  async remove(model: Model<any>, current: Versioned, conflict: ErrorCode, now = new Date()): Promise<void> {
    const claim = `${model.collection.collectionName}:${String(current._id)}:v${current.version}`;
    if (!(await this.claims.claimRecovering(claim, STALE_CLAIM_MS, now))) throw new PlatformError(conflict);
    const { deletedCount } = await model.deleteOne({ _id: current._id, version: current.version });
    if (deletedCount === 0) throw new PlatformError(conflict);
  }
}
