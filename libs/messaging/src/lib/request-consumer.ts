import type { LoggerService } from '@nestjs/common';
import { PlatformError } from '@pilot/contracts';
import { CORRELATION_HEADER, runWithCorrelation } from '@pilot/runtime';
import type { ConsumeMessage } from 'amqplib';
import type { BrokerConnection } from './broker-connection';
import { QueueConsumer, settle, type Delivery } from './queue-consumer';
import { failureReply, type RpcReply } from './rpc-reply';
import { rpcQueueOf } from './topology';

export type RequestHandlerFn = (payload: any, message: ConsumeMessage) => Promise<unknown>;

/**
 * Answers request patterns on the service's own queue. Every replica of a service consumes
 * the same queue, so requests spread over them. A handler's PlatformError goes back to the
 * caller as it is; anything else is logged here and answered as an internal error.
 */
export class RequestConsumer {
  private handlers: ReadonlyMap<string, RequestHandlerFn> = new Map();
  private consumer?: QueueConsumer;

  constructor(
    private readonly broker: BrokerConnection,
    private readonly service: string,
    private readonly prefetch: number,
    private readonly logger: LoggerService,
    private readonly queueType: 'classic' | 'quorum' = 'classic',
  ) {}

  /** Answers the patterns given, each with its handler. */
  async start(handlers: ReadonlyMap<string, RequestHandlerFn>): Promise<void> {
    this.handlers = handlers;
    const queue = rpcQueueOf(this.service);
    this.consumer = new QueueConsumer(
      this.broker,
      {
        name: `${this.service}-rpc-server`,
        queue,
        prefetch: this.prefetch,
        declareTopology: async (channel) => {
          // On a cluster the request queue is replicated like the event queues; a classic queue is
          // declared without the argument, as it always was, so an existing one still matches.
          const args = this.queueType === 'quorum' ? { 'x-queue-type': 'quorum' } : undefined;
          await channel.assertQueue(queue, { durable: true, arguments: args });
        },
        handle: (delivery) => this.answer(delivery),
      },
      this.logger,
    );
    await this.consumer.start();
  }

  async stop(): Promise<void> {
    await this.consumer?.stop();
  }

  private answer(delivery: Delivery): Promise<void> {
    const { message, channel } = delivery;
    const correlationId = message.properties.headers?.[CORRELATION_HEADER] as string | undefined;
    return runWithCorrelation(correlationId, async () => {
      const pattern = String(message.properties.type ?? '');
      const started = Date.now();
      const reply = await this.invoke(pattern, message);
      this.logger.log({ msg: 'rpc handled', pattern, ok: reply.ok, ms: Date.now() - started });
      if (message.properties.replyTo) {
        channel.sendToQueue(message.properties.replyTo, Buffer.from(JSON.stringify(reply)), {
          correlationId: message.properties.correlationId,
          contentType: 'application/json',
        });
      }
      settle(delivery, 'ack');
    });
  }

  private async invoke(pattern: string, message: ConsumeMessage): Promise<RpcReply> {
    const handler = this.handlers.get(pattern);
    try {
      if (!handler) throw new Error(`No handler for ${pattern}`);
      const payload = message.content.length > 0 ? JSON.parse(message.content.toString('utf8')) : undefined;
      return { ok: true, data: (await handler(payload, message)) ?? null };
    } catch (err) {
      if (!(err instanceof PlatformError)) {
        const error = err as Error;
        this.logger.error({ msg: 'rpc handler failed', pattern, error: error.message }, error.stack);
      }
      return failureReply(err);
    }
  }
}
