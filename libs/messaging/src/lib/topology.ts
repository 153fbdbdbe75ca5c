/** Names of everything this platform declares on the broker, derived in one place. */
export const rpcQueueOf = (service: string): string => `${service}.rpc`;

/**
 * A service's event queues: one its replicas share, or, for a process that keeps its own copy of
 * something, one of that process's own (`<service>.events.<process>`). Dead letters of both go
 * to the service's one dead-letter queue.
 */
export function eventQueuesOf(service: string, ownProcess?: string) {
  const main = ownProcess ? `${service}.events.${ownProcess}` : `${service}.events`;
  return {
    main,
    retry: `${main}.retry`,
    deadLetter: `${service}.events.dlq`,
  };
}

export const deadLetterExchangeOf = (eventsExchange: string): string => `${eventsExchange}.dead-letter`;

export const DIRECT_REPLY_QUEUE = 'amq.rabbitmq.reply-to';
