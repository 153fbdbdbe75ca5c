import type { EventEnvelope } from '@pilot/contracts';
import { CORRELATION_HEADER } from '@pilot/runtime';
import type { ChannelWrapper } from 'amqp-connection-manager';
import type { BrokerConnection } from './broker-connection';

/**
 * Publishes events as persistent messages on the durable topic exchange and resolves only
 * when the broker has confirmed them, so a caller that goes on after `publish` knows the event
 * is safe.
 */
export class EventPublisher {
  private readonly wrapper: ChannelWrapper;

  constructor(broker: BrokerConnection, private readonly exchange: string) {
    this.wrapper = broker.channel('event-publisher', async (channel) => {
      await channel.assertExchange(exchange, 'topic', { durable: true });
    });
  }

  async publish(envelope: EventEnvelope): Promise<void> {
    await this.wrapper.publish(this.exchange, envelope.type, Buffer.from(JSON.stringify(envelope)), {
      persistent: true,
      messageId: envelope.id,
      type: envelope.type,
      contentType: 'application/json',
      timestamp: Math.floor(Date.parse(envelope.occurredAt) / 1000),
      headers: envelope.correlationId ? { [CORRELATION_HEADER]: envelope.correlationId } : {},
    });
  }

  async close(): Promise<void> {
    await this.wrapper.close();
  }
}
