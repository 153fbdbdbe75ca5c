import type { LoggerService } from '@nestjs/common';
import { connect, type AmqpConnectionManager, type ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel } from 'amqplib';
import { brokerUrls } from './broker-urls';

/** The connection's own events, which the Nest transport's `on` passes through. */
export type BrokerEvents = {
  connect: () => void;
  disconnect: (arg: { err: Error }) => void;
  connectFailed: (arg: { err: Error; url: unknown }) => void;
  blocked: (arg: { reason: string }) => void;
  unblocked: () => void;
};

/**
 * The single connection of a process to RabbitMQ. It reconnects by itself after the broker
 * restarts and re-runs each channel's setup, so queues, bindings and consumers come back; with a
 * cluster URL it reconnects to the next node (see brokerUrls).
 */
export class BrokerConnection {
  /** Reached from outside only through the transports' `unwrap()`. */
  readonly manager: AmqpConnectionManager;

  constructor(url: string, private readonly logger: LoggerService, connectionName: string) {
    this.manager = connect(brokerUrls(url), {
      heartbeatIntervalInSeconds: 5,
      reconnectTimeInSeconds: 1,
      connectionOptions: { clientProperties: { connection_name: connectionName } },
    });
    this.manager.on('connect', () => this.logger.log({ msg: 'broker connected' }));
    this.manager.on('disconnect', ({ err }) =>
      this.logger.warn({ msg: 'broker disconnected', reason: err?.message }),
    );
    this.manager.on('connectFailed', ({ err }) =>
      this.logger.warn({ msg: 'broker connection failed', reason: err?.message }),
    );
  }

  channel(name: string, setup: (channel: ConfirmChannel) => Promise<void>, confirm = true): ChannelWrapper {
    return this.manager.createChannel({ name, confirm, json: false, setup });
  }

  /** A short-lived channel of its own, for one-off work such as reading a dead-letter queue. */
  async withChannel<T>(work: (channel: ConfirmChannel) => Promise<T>): Promise<T> {
    if (!this.manager.isConnected()) await this.manager.connect({ timeout: 10_000 });
    const connection = this.manager.connection;
    if (!connection) throw new Error('broker is not connected');
    const channel = await connection.createConfirmChannel();
    try {
      return await work(channel);
    } finally {
      await channel.close().catch(() => undefined);
    }
  }

  on<E extends keyof BrokerEvents>(event: E, listener: BrokerEvents[E]): void {
    this.manager.on(event, listener as (...args: unknown[]) => void);
  }

  get connected(): boolean {
    return this.manager.isConnected();
  }

  async close(): Promise<void> {
    await this.manager.close();
  }
}
