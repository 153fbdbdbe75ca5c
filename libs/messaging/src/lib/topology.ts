/** Names of everything this platform declares on the broker, derived in one place. */
export const rpcQueueOf = (service: string): string => `${service}.rpc`;

export function eventQueuesOf(service: string) {
  return {
    main: `${service}.events`,
    retry: `${service}.events.retry`,
    deadLetter: `${service}.events.dlq`,
  };
}

export const deadLetterExchangeOf = (eventsExchange: string): string => `${eventsExchange}.dead-letter`;

export const DIRECT_REPLY_QUEUE = 'amq.rabbitmq.reply-to';
