import type { Connection } from 'mongoose';

interface Claim {
  _id: string;
  at: Date;
}

/** The store refused an insert because its unique key is taken (MongoDB and FerretDB alike). */
export function isDuplicateKeyError(err: unknown): boolean {
  return (err as { code?: number })?.code === 11000;
}

/**
 * Picks exactly one winner among concurrent attempts at the same step. MongoDB makes a
 * conditional single-document update atomic, but FerretDB v1 does not: several concurrent
 * `updateOne({ _id, status: 'x' }, ...)` calls can all report a modification. An insert with a
 * unique `_id` has one winner on both, so each contested step first claims its key here
 * (for example `captcha:<id>` or `<collection>:<id>:<version>`).
 */
export class SingleWinner {
  constructor(private readonly connection: Connection, private readonly collectionName = 'single_winner_claims') {}

  async claim(key: string, now = new Date()): Promise<boolean> {
    try {
      await this.collection().insertOne({ _id: key, at: now });
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  /**
   * Like `claim`, for a step that must not stay blocked when its winner died between the claim
   * and its write: a claim older than `staleAfterMs` is taken over by exactly one attempt. The
   * takeover is itself a claim (deleting the stale one and claiming again is not safe here: this
   * store's delete can remove the fresh claim that replaced it), and it renews the original, so a
   * winner that dies again can be taken over again.
   */
  async claimRecovering(key: string, staleAfterMs: number, now = new Date()): Promise<boolean> {
    if (await this.claim(key, now)) return true;
    const held = await this.collection().findOne({ _id: key });
    if (!held) return this.claim(key, now);
    if (held.at.getTime() >= now.getTime() - staleAfterMs) return false;
    if (!(await this.claim(`${key}~${held.at.getTime()}`, now))) return false;
    await this.collection().updateOne({ _id: key }, { $set: { at: now } });
    return true;
  }

  /** Gives a claim back when its step failed without changing anything, so the step can be tried again. */
  async release(key: string): Promise<void> {
    await this.collection().deleteOne({ _id: key });
  }

  /** Claims are only needed while their step can still be contested. */
  async forgetOlderThan(cutoff: Date): Promise<number> {
    const { deletedCount } = await this.collection().deleteMany({ at: { $lt: cutoff } });
    return deletedCount;
  }

  private collection() {
    return this.connection.collection<Claim>(this.collectionName);
  }
}
