import type { MessageLedger } from './message-ledger';

/**
 * The ledger of a queue only this process consumes (EventConsumer's `ownQueue`): a redelivered
 * message can only come back to this process, so what it remembers is the whole record. Ids of
 * applied messages are kept for `keepMs`, longer than any redelivery takes.
 */
export class ProcessLedger implements MessageLedger {
  private readonly entries = new Map<string, { state: 'busy' | 'done'; at: number }>();

  constructor(private readonly keepMs = 10 * 60_000) {}

  async claim(consumer: string, messageId: string): Promise<'claimed' | 'done' | 'busy'> {
    this.forgetOld();
    const key = `${consumer}:${messageId}`;
    const entry = this.entries.get(key);
    if (entry) return entry.state;
    this.entries.set(key, { state: 'busy', at: Date.now() });
    return 'claimed';
  }

  async complete(consumer: string, messageId: string): Promise<void> {
    const key = `${consumer}:${messageId}`;
    this.entries.delete(key);
    this.entries.set(key, { state: 'done', at: Date.now() });
  }

  async release(consumer: string, messageId: string): Promise<void> {
    this.entries.delete(`${consumer}:${messageId}`);
  }

  /** Entries are kept in the order they were written, so the old ones are at the front. */
  private forgetOld(): void {
    const before = Date.now() - this.keepMs;
    for (const [key, entry] of this.entries) {
      if (entry.at > before) return;
      this.entries.delete(key);
    }
  }
}
