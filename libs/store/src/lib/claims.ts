import type { Connection } from 'mongoose';
import { isDuplicateKeyError } from './duplicate-key';

interface ClaimRecord {
  _id: string;
  at: Date;
  /** When housekeeping may forget the claim: once nothing can contest its step any more. */
  expiresAt: Date;
}

export const CLAIMS_COLLECTION = 'store_claims';

/**
 * Picks exactly one winner among concurrent attempts at the same step. MongoDB makes a
 * conditional single-document update atomic, but FerretDB v1 does not (measured: 5 concurrent
 * `updateOne({ _id, used: false }, ...)` report up to 4 winners). An insert with a unique `_id`
 * has one winner on both, so every contested step of the store is a claim of a key here.
 */
export class Claims {
  constructor(private readonly connection: Connection) {}

  async claim(key: string, keepMs: number, now = new Date()): Promise<boolean> {
    try {
      await this.collection().insertOne({ _id: key, at: now, expiresAt: new Date(now.getTime() + keepMs) });
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
  async claimRecovering(key: string, staleAfterMs: number, keepMs: number, now = new Date()): Promise<boolean> {
    if (await this.claim(key, keepMs, now)) return true;
    const held = await this.collection().findOne({ _id: key });
    if (!held) return this.claim(key, keepMs, now);
    if (held.at.getTime() >= now.getTime() - staleAfterMs) return false;
    if (!(await this.claim(`${key}~${held.at.getTime()}`, keepMs, now))) return false;
    // Only the takeover's winner reaches this write, so it races nobody.
    await this.collection().updateOne({ _id: key }, { $set: { at: now, expiresAt: new Date(now.getTime() + keepMs) } });
    return true;
  }

  /** Gives a claim back when its step failed without changing anything, so the step can be tried again. */
  async release(key: string): Promise<void> {
    await this.collection().deleteOne({ _id: key });
  }

  async forgetExpired(now = new Date()): Promise<number> {
    const { deletedCount } = await this.collection().deleteMany({ expiresAt: { $lt: now } });
    return deletedCount;
  }

  private collection() {
    return this.connection.collection<ClaimRecord>(CLAIMS_COLLECTION);
  }
}
