import type { LoggerService } from '@nestjs/common';
import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import { PlatformError, serviceOfPattern, type RequestArgs, type ResponseOf, type RpcPattern } from '@pilot/contracts';
import { CORRELATION_HEADER, currentCorrelationId } from '@pilot/runtime';
import type { ChannelWrapper } from 'amqp-connection-manager';
import type { ConsumeMessage, Message } from 'amqplib';
import { randomUUID } from 'node:crypto';
import type { BrokerConnection, BrokerEvents } from './broker-connection';
import { errorFromReply, type RpcReply } from './rpc-reply';
import { DIRECT_REPLY_QUEUE, rpcQueueOf } from './topology';

interface PendingCall {
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * The callers' side of the bus as a Nest ClientProxy. `request` (typed by RpcContract) and
 * Nest's `send` go to the queue of the service named by the pattern and wait for the reply on
 * RabbitMQ's direct reply-to. A request nobody can take (no queue yet) fails at once as
 * SERVICE_UNAVAILABLE; one without an answer in time fails as SERVICE_TIMEOUT, and the broker
 * drops it rather than deliver it late.
 */
export class RpcClient extends ClientProxy<BrokerEvents> {
  private readonly pending = new Map<string, PendingCall>();
  private wrapper?: ChannelWrapper;
  private ready?: Promise<ChannelWrapper>;

  constructor(
    private readonly broker: BrokerConnection,
    private readonly defaultTimeoutMs: number,
    private readonly logger: LoggerService,
  ) {
    super();
  }

  connect(): Promise<ChannelWrapper> {
    this.ready ??= this.open();
    return this.ready;
  }

  async request<P extends RpcPattern>(pattern: P, ...[payload, timeoutMs = this.defaultTimeoutMs]: RequestArgs<P>): Promise<ResponseOf<P>> {
    const wrapper = await this.connect();
    return new Promise((resolve, reject) => {
      this.call(wrapper, pattern, payload, timeoutMs, { resolve: resolve as (value: unknown) => void, reject });
    });
  }

  async close(): Promise<void> {
    for (const callId of [...this.pending.keys()]) this.fail(callId, new PlatformError('SERVICE_UNAVAILABLE'));
    await this.wrapper?.close();
  }

  override on<K extends keyof BrokerEvents = keyof BrokerEvents, C extends BrokerEvents[K] = BrokerEvents[K]>(event: K, callback: C): void {
    this.broker.on(event, callback);
  }

  unwrap<T>(): T {
    return this.broker.manager as T;
  }

  /** Nest's `send` comes here once connected; unsubscribing forgets the call. */
  protected publish(packet: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    if (!this.wrapper) throw new Error('publish before connect');
    const callId = this.call(this.wrapper, String(packet.pattern), packet.data, this.defaultTimeoutMs, {
      resolve: (response) => callback({ response, isDisposed: true }),
      reject: (err) => callback({ err, isDisposed: true }),
    });
    return () => this.take(callId);
  }

  /**
   * Nest's `emit` is refused: an event sent beside a state change could part from it. Events
   * leave a service in the same write as the change they announce, through its store's outbox.
   */
  protected dispatchEvent<T = void>(packet: ReadPacket): Promise<T> {
    return Promise.reject(new Error(`${String(packet.pattern)}: events are written with their change, not emitted`));
  }

  private call(
    wrapper: ChannelWrapper,
    pattern: string,
    payload: unknown,
    timeoutMs: number,
    outcome: Pick<PendingCall, 'resolve' | 'reject'>,
  ): string {
    const callId = randomUUID();
    const timer = setTimeout(() => {
      this.pending.delete(callId);
      this.logger.warn({ msg: 'rpc timed out', pattern, timeoutMs });
      outcome.reject(new PlatformError('SERVICE_TIMEOUT'));
    }, timeoutMs);
    this.pending.set(callId, { ...outcome, timer });
    const correlationId = currentCorrelationId();
    wrapper
      .publish('', rpcQueueOf(serviceOfPattern(pattern)), Buffer.from(JSON.stringify(payload ?? null)), {
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
    return callId;
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
