/**
 * What the event consumer needs to apply each event once: claim its id before the work, mark
 * it done after, release it when the work failed. Where the record lives is not its business.
 */
export interface MessageLedger {
  claim(consumer: string, messageId: string, type: string): Promise<'claimed' | 'done' | 'busy'>;
  complete(consumer: string, messageId: string): Promise<void>;
  release(consumer: string, messageId: string): Promise<void>;
}

export const MESSAGE_LEDGER = Symbol('MESSAGE_LEDGER');
