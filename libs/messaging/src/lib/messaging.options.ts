export interface MessagingOptions {
  /** The service's name; it names its RPC queue and its event queues. */
  service: string;
  url: string;
  exchange: string;
  prefetch: number;
  queueType: 'classic' | 'quorum';
  rpcTimeoutMs?: number;
  maxAttempts?: number;
  retryDelayMs?: number;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
