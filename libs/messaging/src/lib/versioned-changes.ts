import { PlatformError, type ErrorCode } from '@pilot/contracts';
import type { Connection, Model, UpdateQuery } from 'mongoose';
import { DocumentTurns, atWrites } from './document-turns';
import type { OutboxEntry, OutboxRelay } from './outbox';

/** How often a change waits for the relay's turn on the document before giving up. */
const ATTEMPTS = 20;
const PAUSE_MS = 25;

interface Versioned {
  _id: unknown;
  version: number;
  writes?: number;
}

/**
 * Applies one change to the version of a document that was read, with the events announcing it.
 * Writes take turns on the document (DocumentTurns): of two concurrent changes of one version one
 * wins and the other gets `conflict` (the caller reloads); when only the relay wrote meanwhile
 * (removing a published event), the change simply takes the next turn.
 */
export class VersionedChanges {
  private readonly turns: DocumentTurns;

  constructor(connection: Connection, private readonly relay: OutboxRelay) {
    this.turns = new DocumentTurns(connection);
  }

  async apply<D extends Versioned>(
    model: Model<any>,
    current: D,
    update: UpdateQuery<unknown>,
    events: OutboxEntry[],
    conflict: ErrorCode,
    now = new Date(),
  ): Promise<D> {
    const change = { ...update, $inc: { version: 1, writes: 1 }, ...(events.length ? { $push: { ...update.$push, outbox: { $each: events } } } : {}) };
    let writes = current.writes;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (await this.turns.take(model, current._id, writes, now)) {
        let updated: D | null;
        try {
          updated = await model.findOneAndUpdate({ _id: current._id, version: current.version, ...atWrites(writes) }, change, { returnDocument: 'after' });
        } catch (err) {
          // Nothing was written, so the turn is still free.
          await this.turns.giveBack(model, current._id, writes);
          throw err;
        }
        if (!updated) throw new PlatformError(conflict);
        if (events.length) this.relay.nudge(model.modelName, current._id);
        return updated;
      }
      const latest = await model.findById(current._id, { version: 1, writes: 1 }).lean<Versioned>();
      if (!latest || latest.version !== current.version) throw new PlatformError(conflict);
      if (latest.writes === writes) await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      writes = latest.writes;
    }
    throw new PlatformError(conflict);
  }

  /** Removes the version that was read, unless someone changed it first. */
  async remove(model: Model<any>, current: Versioned, conflict: ErrorCode, now = new Date()): Promise<void> {
    if (!(await this.turns.take(model, current._id, current.writes, now))) throw new PlatformError(conflict);
    const { deletedCount } = await model.deleteOne({ _id: current._id, version: current.version, ...atWrites(current.writes) });
    if (deletedCount === 0) throw new PlatformError(conflict);
  }
}
