import type { INestApplication, LoggerService } from '@nestjs/common';
import { BaseRpcContext, Server, type CustomTransportStrategy, type MessageHandler, type MicroserviceOptions } from '@nestjs/microservices';
import type { ConsumeMessage } from 'amqplib';
import { lastValueFrom } from 'rxjs';
import type { BrokerConnection, BrokerEvents } from './broker-connection';
import { EventConsumer, type EventConsumerOptions, type EventHandlerFn } from './event-consumer';
import type { MessageLedger } from './message-ledger';
import { RequestConsumer, type RequestHandlerFn } from './request-consumer';

/** What `@Ctx()` gives a handler: the broker's message, headers and all. */
export class BusContext extends BaseRpcContext<[ConsumeMessage]> {
  getMessage(): ConsumeMessage {
    return this.args[0];
  }
}

/**
 * The service's side of the bus as a Nest transport. `@MessagePattern` handlers answer on the
 * service's request queue, `@EventPattern` handlers consume its event queue; the wire format,
 * acknowledgements, retries and dead letters are those of RequestConsumer and EventConsumer.
 */
export class BusServer extends Server<BrokerEvents> implements CustomTransportStrategy {
  private readonly requests: RequestConsumer;
  private readonly events: EventConsumer;
  private stopped?: Promise<void>;

  constructor(
    private readonly broker: BrokerConnection,
    options: EventConsumerOptions,
    ledger: MessageLedger,
    private readonly log: LoggerService,
  ) {
    super();
    this.requests = new RequestConsumer(broker, options.service, options.prefetch, log, options.queueType);
    this.events = new EventConsumer(broker, options, ledger, log);
  }

  async listen(callback: (err?: unknown) => void): Promise<void> {
    try {
      const requests = new Map<string, RequestHandlerFn>();
      const events = new Map<string, EventHandlerFn>();
      for (const [pattern, handler] of this.messageHandlers) {
        (handler.isEventHandler ? events : requests).set(pattern, (data: unknown, message: ConsumeMessage) => this.invoke(handler, data, message));
      }
      // A process that answers no requests (the gateway, which only follows events) takes no request queue.
      if (requests.size) await this.requests.start(requests);
      await this.events.start(events);
      this.log.log({ msg: 'messaging started', rpcPatterns: [...requests.keys()], eventTypes: [...events.keys()] });
      callback();
    } catch (err) {
      callback(err);
    }
  }

  /** Stops taking work and waits for the work in hand; safe to call again. */
  close(): Promise<void> {
    this.stopped ??= Promise.all([this.requests.stop(), this.events.stop()]).then(() => undefined);
    return this.stopped;
  }

  on<K extends keyof BrokerEvents = keyof BrokerEvents, C extends BrokerEvents[K] = BrokerEvents[K]>(event: K, callback: C): void {
    this.broker.on(event, callback);
  }

  unwrap<T>(): T {
    return this.broker.manager as T;
  }

  /** Nest's handler answers with a value, a promise or an observable; the consumers want a promise. */
  private async invoke(handler: MessageHandler, data: unknown, message: ConsumeMessage): Promise<unknown> {
    try {
      const result = await handler(data, new BusContext([message]));
      return await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
    } catch (err) {
      // A plain @MessagePattern, without HandlerErrorPassThrough, fails with Nest's `{ status, message }`.
      throw err instanceof Error ? err : new Error(String((err as { message?: unknown })?.message ?? err));
    }
  }
}

/**
 * Plugs the service's BusServer into the app and starts consuming once every module has
 * initialised, before the HTTP port opens.
 */
export async function startBus(app: INestApplication): Promise<void> {
  app.connectMicroservice<MicroserviceOptions>({ strategy: app.get(BusServer) });
  await app.init();
  await app.startAllMicroservices();
}
