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
  /** See MESSAGE_CLAIM_LEASE_MS. */
  claimLeaseMs?: number;
  /** Mongoose model names whose documents carry an outbox. */
  outboxModels?: string[];
  outboxPollIntervalMs?: number;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

/**
 * The relay's models, looked up once the app is built: the services' feature modules register
 * them, and Nest may build those after this module.
 */
export const OUTBOX_MODELS = Symbol('OUTBOX_MODELS');
