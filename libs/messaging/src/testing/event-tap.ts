import type { EventEnvelope } from '@pilot/contracts';
import type { ChannelWrapper } from 'amqp-connection-manager';
import type { BrokerConnection } from '../lib/broker-connection';
import { uniqueName } from './test-infrastructure';

/**
 * Every delivery of the matching events, duplicates included, on a queue of its own: what a
 * consumer would receive before any de-duplication, so a test can count publications.
 */
export class EventTap {
  readonly events: EventEnvelope[] = [];
  private readonly queue = uniqueName('event-tap');
  private channel?: ChannelWrapper;

  constructor(private readonly broker: BrokerConnection, private readonly exchange: string, private readonly routingKey = '#') {}

  async start(): Promise<this> {
    this.channel = this.broker.channel(this.queue, async (channel) => {
      await channel.assertExchange(this.exchange, 'topic', { durable: true });
      await channel.assertQueue(this.queue, { exclusive: true, autoDelete: true });
      await channel.bindQueue(this.queue, this.exchange, this.routingKey);
      await channel.consume(this.queue, (message) => {
        if (!message) return;
        this.events.push(JSON.parse(message.content.toString()) as EventEnvelope);
        channel.ack(message);
      });
    }, false);
    await this.channel.waitForConnect();
    return this;
  }

  of(type: string): EventEnvelope[] {
    return this.events.filter((event) => event.type === type);
  }

  async stop(): Promise<void> {
    await this.channel?.close();
  }
}
