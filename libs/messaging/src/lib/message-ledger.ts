/**
 * The consuming service's record of the messages it has applied, which makes at-least-once
 * delivery safe: a copy that lost the claim of its id is never applied again. The store keeps it.
 */
export interface MessageLedger {
  claim(consumer: string, messageId: string, type: string): Promise<'claimed' | 'done' | 'busy'>;
  complete(consumer: string, messageId: string): Promise<void>;
  release(consumer: string, messageId: string): Promise<void>;
}

export const MESSAGE_LEDGER = Symbol('MESSAGE_LEDGER');
