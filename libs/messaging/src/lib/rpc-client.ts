import type { LoggerService } from '@nestjs/common';
import { PlatformError, serviceOfPattern } from '@pilot/contracts';
import { CORRELATION_HEADER, currentCorrelationId } from '@pilot/runtime';
import type { ChannelWrapper } from 'amqp-connection-manager';
import type { ConsumeMessage, Message } from 'amqplib';
import { randomUUID } from 'node:crypto';
import type { BrokerConnection } from './broker-connection';
import { errorFromReply, type RpcReply } from './rpc-reply';
import { DIRECT_REPLY_QUEUE, rpcQueueOf } from './topology';

interface PendingCall {
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Sends a request to the queue of the service named by the pattern and waits for the reply
 * on RabbitMQ's direct reply-to. A request nobody can take (no queue yet) fails at once as
 * SERVICE_UNAVAILABLE; one without an answer in time fails as SERVICE_TIMEOUT, and the broker
 * drops it rather than deliver it late.
 */
export class RpcClient {
  private readonly pending = new Map<string, PendingCall>();
  private wrapper?: ChannelWrapper;
  private ready?: Promise<ChannelWrapper>;

  constructor(
    private readonly broker: BrokerConnection,
    private readonly defaultTimeoutMs: number,
    private readonly logger: LoggerService,
  ) {}

  async start(): Promise<void> {
    await this.channel();
  }

  async request<T>(pattern: string, payload?: unknown, timeoutMs = this.defaultTimeoutMs): Promise<T> {
    const wrapper = await this.channel();
    const callId = randomUUID();
    const queue = rpcQueueOf(serviceOfPattern(pattern));
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(callId);
        this.logger.warn({ msg: 'rpc timed out', pattern, timeoutMs });
        reject(new PlatformError('SERVICE_TIMEOUT'));
      }, timeoutMs);
      this.pending.set(callId, { resolve: resolve as (v: unknown) => void, reject, timer });
      const correlationId = currentCorrelationId();
      wrapper
        .publish('', queue, Buffer.from(JSON.stringify(payload ?? null)), {
          type: pattern,
          correlationId: callId,
          replyTo: DIRECT_REPLY_QUEUE,
          expiration: String(timeoutMs),
          mandatory: true,
          contentType: 'application/json',
          headers: correlationId ? { [CORRELATION_HEADER]: correlationId } : {},
        })
        .catch((err: Error) => {
          this.logger.warn({ msg: 'rpc publish failed', pattern, reason: err.message });
          this.fail(callId, new PlatformError('SERVICE_UNAVAILABLE'));
        });
    });
  }

  async stop(): Promise<void> {
    for (const callId of [...this.pending.keys()]) this.fail(callId, new PlatformError('SERVICE_UNAVAILABLE'));
    await this.wrapper?.close();
  }

  private channel(): Promise<ChannelWrapper> {
    this.ready ??= this.open();
    return this.ready;
  }

  private async open(): Promise<ChannelWrapper> {
    this.wrapper = this.broker.channel(
      'rpc-client',
      async (channel) => {
        channel.on('return', (message: Message) =>
          this.fail(String(message.properties.correlationId), new PlatformError('SERVICE_UNAVAILABLE')),
        );
        await channel.consume(DIRECT_REPLY_QUEUE, (message) => message && this.onReply(message), { noAck: true });
      },
      false,
    );
    await this.wrapper.waitForConnect();
    return this.wrapper;
  }

  private onReply(message: ConsumeMessage): void {
    const callId = String(message.properties.correlationId);
    let reply: RpcReply;
    try {
      reply = JSON.parse(message.content.toString('utf8')) as RpcReply;
    } catch {
      this.fail(callId, new PlatformError('INTERNAL_ERROR'));
      return;
    }
    const call = this.take(callId);
    if (!call) return;
    if (reply.ok) call.resolve(reply.data);
    else call.reject(errorFromReply(reply.error));
  }

  private fail(callId: string, error: Error): void {
    this.take(callId)?.reject(error);
  }

  private take(callId: string): PendingCall | undefined {
    const call = this.pending.get(callId);
    if (!call) return undefined;
    this.pending.delete(callId);
    clearTimeout(call.timer);
    return call;
  }
}
