import type { LoggerService } from '@nestjs/common';
import type { EventEnvelope } from '@pilot/contracts';
import { runWithCorrelation } from '@pilot/runtime';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { BrokerConnection } from './broker-connection';
import type { MessageLedger } from './message-ledger';
import { QueueConsumer, sendConfirmed, settle, type Delivery } from './queue-consumer';
import { deadLetterExchangeOf, eventQueuesOf } from './topology';

export type EventHandlerFn = (event: EventEnvelope<any>, message: ConsumeMessage) => Promise<unknown>;

export interface EventConsumerOptions {
  service: string;
  exchange: string;
  prefetch: number;
  maxAttempts: number;
  retryDelayMs: number;
  queueType: 'classic' | 'quorum';
  /**
   * For a process that keeps its own copy of something (the gateway's session versions), so that
   * every process of the service gets every event: a queue of its own, which the broker deletes
   * once nobody has consumed it for `idleMs` (the process is gone). Without it the service's
   * replicas share one queue and each event goes to one of them.
   */
  ownQueue?: { process: string; idleMs: number };
}

const ATTEMPT_HEADER = 'x-attempt';
const ERROR_HEADER = 'x-last-error';

/**
 * Consumes the service's own durable event queue. A handler runs only for the copy of an event
 * that claimed its id, and is acknowledged only after it succeeded and was recorded; a failure is retried after a delay through a
 * retry queue, and after `maxAttempts` the message is moved to the service's dead-letter queue
 * with the last error attached, where it can be inspected and replayed.
 */
export class EventConsumer {
  private handlers: ReadonlyMap<string, EventHandlerFn> = new Map();
  private readonly queues: ReturnType<typeof eventQueuesOf>;
  private consumer?: QueueConsumer;

  constructor(
    private readonly broker: BrokerConnection,
    private readonly options: EventConsumerOptions,
    private readonly ledger: MessageLedger,
    private readonly logger: LoggerService,
  ) {
    this.queues = eventQueuesOf(options.service, options.ownQueue?.process);
  }

  /** Binds the event types given to the service's queue and consumes them, each with its handler. */
  async start(handlers: ReadonlyMap<string, EventHandlerFn>): Promise<void> {
    this.handlers = handlers;
    this.consumer = new QueueConsumer(
      this.broker,
      {
        name: `${this.options.service}-event-consumer`,
        queue: this.queues.main,
        prefetch: this.options.prefetch,
        declareTopology: (channel) => this.declareTopology(channel),
        handle: (delivery) => this.consume(delivery),
      },
      this.logger,
    );
    await this.consumer.start();
  }

  async stop(): Promise<void> {
    await this.consumer?.stop();
  }

  private async declareTopology(channel: ConfirmChannel): Promise<void> {
    const { exchange, queueType, retryDelayMs, ownQueue } = this.options;
    const deadLetterExchange = deadLetterExchangeOf(exchange);
    // A process's own queues hold a copy only it needs: unreplicated, and gone once it is.
    const lifetime = ownQueue ? { 'x-queue-type': 'classic', 'x-expires': ownQueue.idleMs } : { 'x-queue-type': queueType };
    await channel.assertExchange(exchange, 'topic', { durable: true });
    await channel.assertExchange(deadLetterExchange, 'direct', { durable: true });
    await channel.assertQueue(this.queues.deadLetter, { durable: true, arguments: { 'x-queue-type': queueType } });
    await channel.bindQueue(this.queues.deadLetter, deadLetterExchange, this.queues.deadLetter);
    await channel.assertQueue(this.queues.main, {
      durable: true,
      arguments: {
        ...lifetime,
        'x-dead-letter-exchange': deadLetterExchange,
        'x-dead-letter-routing-key': this.queues.deadLetter,
      },
    });
    await channel.assertQueue(this.queues.retry, {
      durable: true,
      arguments: {
        ...lifetime,
        'x-message-ttl': retryDelayMs,
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': this.queues.main,
      },
    });
    for (const type of this.handlers.keys()) {
      await channel.bindQueue(this.queues.main, exchange, type);
    }
  }

  private async consume(delivery: Delivery): Promise<void> {
    const { message } = delivery;
    let event: EventEnvelope;
    try {
      event = JSON.parse(message.content.toString('utf8')) as EventEnvelope;
      if (!event?.id || !event?.type) throw new Error('not an event envelope');
    } catch (err) {
      await this.deadLetter(delivery, `unreadable message: ${(err as Error).message}`);
      return;
    }
    await runWithCorrelation(event.correlationId, async () => {
      const handler = this.handlers.get(event.type);
      if (!handler) {
        this.logger.warn({ msg: 'no handler for event; dropped', eventId: event.id, type: event.type });
        settle(delivery, 'ack');
        return;
      }
      if (!(await this.claim(delivery, event))) return;
      try {
        await handler(event, message);
        await this.ledger.complete(this.options.service, event.id);
        this.logger.log({ msg: 'event handled', eventId: event.id, type: event.type });
        settle(delivery, 'ack');
      } catch (err) {
        await this.ledger.release(this.options.service, event.id).catch(() => undefined);
        await this.retryOrDeadLetter(delivery, event, err as Error);
      }
    });
  }

  /** True when this copy won the event's id; otherwise the delivery has been dealt with. */
  private async claim(delivery: Delivery, event: EventEnvelope): Promise<boolean> {
    let claim: Awaited<ReturnType<MessageLedger['claim']>>;
    try {
      claim = await this.ledger.claim(this.options.service, event.id, event.type);
    } catch (err) {
      await this.retryOrDeadLetter(delivery, event, err as Error);
      return false;
    }
    if (claim === 'done') {
      this.logger.log({ msg: 'duplicate event skipped', eventId: event.id, type: event.type });
      settle(delivery, 'ack');
    } else if (claim === 'busy') {
      // Another copy is being applied right now; look again after the retry delay.
      await this.forward(delivery, this.queues.retry, {});
    }
    return claim === 'claimed';
  }

  private async retryOrDeadLetter(delivery: Delivery, event: EventEnvelope, error: Error): Promise<void> {
    const attempt = Number(delivery.message.properties.headers?.[ATTEMPT_HEADER] ?? 1);
    if (attempt >= this.options.maxAttempts) {
      this.logger.error(
        { msg: 'event dead-lettered', eventId: event.id, type: event.type, attempt, error: error.message },
        error.stack,
      );
      await this.deadLetter(delivery, error.message);
      return;
    }
    this.logger.warn({ msg: 'event failed; will retry', eventId: event.id, type: event.type, attempt, error: error.message });
    await this.forward(delivery, this.queues.retry, { [ATTEMPT_HEADER]: attempt + 1, [ERROR_HEADER]: error.message });
  }

  private async deadLetter(delivery: Delivery, reason: string): Promise<void> {
    await this.forward(delivery, this.queues.deadLetter, { [ERROR_HEADER]: reason });
  }

  /** Copies the message to another queue with confirms, then acks the original. */
  private async forward(delivery: Delivery, queue: string, headers: Record<string, unknown>): Promise<void> {
    const { message, channel } = delivery;
    try {
      const { messageId, type, contentType, timestamp, correlationId } = message.properties;
      await sendConfirmed(channel, queue, message.content, {
        messageId,
        type,
        contentType,
        timestamp,
        correlationId,
        persistent: true,
        headers: { ...ownHeaders(message.properties.headers), ...headers },
      });
      settle(delivery, 'ack');
    } catch {
      // Could not move it: reject, and the queue's dead-letter exchange keeps it.
      settle(delivery, 'reject');
    }
  }
}

/** The broker's own dead-lettering headers describe the hop that just happened; drop them. */
function ownHeaders(headers: Record<string, unknown> = {}): Record<string, unknown> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !/^x-(death|first-death|last-death)/.test(name)));
}
