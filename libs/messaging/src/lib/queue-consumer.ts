import type { LoggerService } from '@nestjs/common';
import type { ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { BrokerConnection } from './broker-connection';

export interface Delivery {
  message: ConsumeMessage;
  channel: ConfirmChannel;
}

export interface QueueConsumerOptions {
  name: string;
  queue: string;
  prefetch: number;
  declareTopology: (channel: ConfirmChannel) => Promise<void>;
  handle: (delivery: Delivery) => Promise<void>;
}

/**
 * Consumes one queue with manual acks. Each delivery is acked on the channel it arrived on
 * (a tag from a channel lost in a reconnect would be refused by the new one), and `stop()`
 * cancels the consumer first and then waits for the work already taken.
 */
export class QueueConsumer {
  private wrapper?: ChannelWrapper;
  private active?: { channel: ConfirmChannel; consumerTag: string };
  private accepting = true;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly broker: BrokerConnection,
    private readonly options: QueueConsumerOptions,
    private readonly logger: LoggerService,
  ) {}

  async start(): Promise<void> {
    this.wrapper = this.broker.channel(this.options.name, async (channel) => {
      await this.options.declareTopology(channel);
      if (!this.accepting) return;
      await channel.prefetch(this.options.prefetch);
      const { consumerTag } = await channel.consume(this.options.queue, (message) => {
        if (message) this.track(this.options.handle({ message, channel }));
      });
      this.active = { channel, consumerTag };
    });
    await this.wrapper.waitForConnect();
  }

  get inFlightCount(): number {
    return this.inFlight.size;
  }

  async stop(): Promise<void> {
    this.accepting = false;
    if (this.active) {
      await this.active.channel.cancel(this.active.consumerTag).catch(() => undefined);
    }
    await Promise.allSettled([...this.inFlight]);
    await this.wrapper?.close();
  }

  private track(work: Promise<void>): void {
    const tracked = work
      .catch((err: Error) =>
        this.logger.error({ msg: 'delivery handling crashed', queue: this.options.queue, error: err.message }, err.stack),
      )
      .finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }
}

export function settle(delivery: Delivery, outcome: 'ack' | 'reject'): void {
  try {
    if (outcome === 'ack') delivery.channel.ack(delivery.message);
    else delivery.channel.nack(delivery.message, false, false);
  } catch {
    // The channel closed under us; the broker redelivers the message to another consumer.
  }
}

export function sendConfirmed(
  channel: ConfirmChannel,
  queue: string,
  content: Buffer,
  options: Parameters<ConfirmChannel['sendToQueue']>[2],
): Promise<void> {
  return new Promise((resolve, reject) => {
    channel.sendToQueue(queue, content, options, (err) => (err ? reject(err) : resolve()));
  });
}
