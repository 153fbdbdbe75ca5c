import { PlatformError, type ErrorCode } from '@pilot/contracts';
import type { Connection } from 'mongoose';
import type { Claims } from './claims';

const STALE_TURN_MS = 30_000;
const TURN_KEPT_MS = 60 * 60_000;
const WAIT_BUDGET_MS = 5_000;
const PAUSE_MS = 50;

interface Sequence {
  _id: string;
  turn: number;
}

/**
 * Runs work alone among all the work of the same key, across processes: for rules over several
 * documents (a certificate's quota is shared by every approval of it), which no single-document
 * write can keep. Each run claims the key's next turn and hands it on when done.
 */
export class OneAtATime {
  constructor(private readonly connection: Connection, private readonly claims: Claims) {}

  async run<T>(key: string, work: () => Promise<T>, busy: ErrorCode = 'SERVICE_UNAVAILABLE'): Promise<T> {
    const deadline = Date.now() + WAIT_BUDGET_MS;
    for (;;) {
      const turn = (await this.sequences().findOne({ _id: key }))?.turn ?? 0;
      if (await this.claims.claimRecovering(`sequence:${key}:t${turn}`, STALE_TURN_MS, TURN_KEPT_MS)) {
        try {
          return await work();
        } finally {
          // Only the holder of the turn writes the sequence, so this races nobody.
          await this.sequences().updateOne({ _id: key }, { $set: { turn: turn + 1 } }, { upsert: true });
        }
      }
      if (Date.now() > deadline) throw new PlatformError(busy);
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
  }

  private sequences() {
    return this.connection.collection<Sequence>('store_sequences');
  }
}
