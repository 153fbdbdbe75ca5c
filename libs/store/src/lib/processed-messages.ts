import type { Connection } from 'mongoose';
import type { Claims } from './claims';
import { isDuplicateKeyError } from './duplicate-key';

export type MessageClaim = 'claimed' | 'done' | 'busy';

interface ProcessedMessage {
  _id: string;
  consumer: string;
  messageId: string;
  type: string;
  state: 'processing' | 'done';
  claimedAt: Date;
  processedAt?: Date;
}

export const PROCESSED_MESSAGES_COLLECTION = 'processed_messages';
/** A takeover claim is contested only while the lease it ends is current. */
const TAKEOVER_KEPT_MS = 24 * 60 * 60_000;

/**
 * The record of messages a consumer has applied, in the consuming service's own store; it is
 * what makes at-least-once delivery safe. A consumer claims a message id before its work (the
 * unique id lets exactly one of several concurrent copies win), marks it done after, and
 * releases it when the work failed. A claim left by a killed process can be taken over once
 * its lease has run out, by exactly one of the replicas that see it (the store's conditional
 * update alone would let several win on FerretDB, so the takeover is a claim of its own).
 */
export class ProcessedMessages {
  constructor(
    private readonly connection: Connection,
    private readonly claims: Claims,
    private readonly leaseMs = 60_000,
  ) {}

  async claim(consumer: string, messageId: string, type: string): Promise<MessageClaim> {
    const _id = key(consumer, messageId);
    const now = new Date();
    try {
      await this.collection().insertOne({ _id, consumer, messageId, type, state: 'processing', claimedAt: now });
      return 'claimed';
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    const existing = await this.collection().findOne({ _id });
    if (!existing) return this.claim(consumer, messageId, type);
    if (existing.state === 'done') return 'done';
    if (existing.claimedAt.getTime() >= now.getTime() - this.leaseMs) return 'busy';
    if (!(await this.claims.claim(`message-takeover:${_id}~${existing.claimedAt.getTime()}`, TAKEOVER_KEPT_MS, now))) return 'busy';
    // Only the takeover's winner writes the record now; its old holder is presumed dead.
    await this.collection().updateOne({ _id, state: 'processing' }, { $set: { claimedAt: now } });
    return 'claimed';
  }

  /** Only the holder of the claim writes its record, so these writes race nobody. */
  async complete(consumer: string, messageId: string): Promise<void> {
    await this.collection().updateOne({ _id: key(consumer, messageId) }, { $set: { state: 'done', processedAt: new Date() } });
  }

  async release(consumer: string, messageId: string): Promise<void> {
    await this.collection().deleteOne({ _id: key(consumer, messageId), state: 'processing' });
  }

  /** Forgets messages applied before the cutoff: no copy of them can still be on its way. */
  async forgetDoneBefore(cutoff: Date): Promise<number> {
    const { deletedCount } = await this.collection().deleteMany({ state: 'done', processedAt: { $lt: cutoff } });
    return deletedCount;
  }

  private collection() {
    return this.connection.collection<ProcessedMessage>(PROCESSED_MESSAGES_COLLECTION);
  }
}

const key = (consumer: string, messageId: string) => `${consumer}:${messageId}`;
