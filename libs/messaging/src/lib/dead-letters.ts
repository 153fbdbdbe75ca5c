import type { ConfirmChannel } from 'amqplib';
import type { BrokerConnection } from './broker-connection';
import { sendConfirmed } from './queue-consumer';
import { eventQueuesOf } from './topology';

export interface DeadLetter {
  messageId?: string;
  type?: string;
  lastError?: string;
  body: string;
}

/**
 * Operators' view of a service's dead-letter queue: look at what failed and why, and put it
 * back on the service's queue once the cause is fixed.
 */
export class DeadLetters {
  constructor(private readonly broker: BrokerConnection, private readonly service: string) {}

  /** Reads up to `limit` dead letters without removing them. */
  async peek(limit = 50): Promise<DeadLetter[]> {
    return this.withChannel(async (channel, queue) => {
      const letters: DeadLetter[] = [];
      for (let i = 0; i < limit; i++) {
        const message = await channel.get(queue, { noAck: false });
        if (!message) break;
        letters.push({
          messageId: message.properties.messageId,
          type: message.properties.type,
          lastError: message.properties.headers?.['x-last-error'] as string | undefined,
          body: message.content.toString('utf8'),
        });
      }
      await channel.recover();
      return letters;
    });
  }

  /** Moves every dead letter back to the service's event queue with a fresh attempt count. */
  async replay(): Promise<number> {
    return this.withChannel(async (channel, queue, main) => {
      let moved = 0;
      for (;;) {
        const message = await channel.get(queue, { noAck: false });
        if (!message) return moved;
        const { messageId, type, contentType, correlationId, timestamp } = message.properties;
        const headers = { ...message.properties.headers };
        delete headers['x-attempt'];
        await sendConfirmed(channel, main, message.content, {
          messageId, type, contentType, correlationId, timestamp, headers, persistent: true,
        });
        channel.ack(message);
        moved += 1;
      }
    });
  }

  private withChannel<T>(work: (channel: ConfirmChannel, queue: string, main: string) => Promise<T>): Promise<T> {
    const queues = eventQueuesOf(this.service);
    return this.broker.withChannel((channel) => work(channel, queues.deadLetter, queues.main));
  }
}
