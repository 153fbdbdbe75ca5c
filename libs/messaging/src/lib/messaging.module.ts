import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { HealthRegistry } from '@pilot/runtime';
import { BrokerConnection } from './broker-connection';
import { BusServer } from './bus-server';
import { EventPublisher } from './event-publisher';
import { GatewayMessagingLifecycle, MessagingLifecycle } from './messaging.lifecycle';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';
import { MESSAGE_LEDGER, type MessageLedger } from './message-ledger';
import { ProcessLedger } from './process-ledger';
import { RpcClient } from './rpc-client';

/** The gateway's event settings: it follows some events, each process of it all of them. */
export interface GatewayEventsOptions {
  exchange: string;
  prefetch: number;
  /** Names this process's own event queue; unique among the processes alive at once. */
  process: string;
  /** After this long unconsumed, the broker deletes the queue of a process that is gone. */
  idleMs?: number;
}

const logger = new Logger('Messaging');

/**
 * Wires a process to the broker. `forService` gives a service its Nest transport (BusServer,
 * started by startBus; its handlers are the `@OnRequest`/`@OnEvent` methods of its
 * controllers; events are claimed in the service's MESSAGE_LEDGER), its client and publisher;
 * `forGateway` gives the gateway its client and, when it follows events, a transport whose
 * `@OnEvent` handlers each gateway process runs for every event, on a queue of its own.
 */
@Global()
@Module({})
export class MessagingModule {
  static forGateway(options: Pick<MessagingOptions, 'url' | 'rpcTimeoutMs'> & { events?: GatewayEventsOptions }): DynamicModule {
    const events = options.events;
    return {
      module: MessagingModule,
      providers: [
        ...(events
          ? [
              {
                provide: BusServer,
                inject: [BrokerConnection],
                useFactory: (broker: BrokerConnection) =>
                  new BusServer(
                    broker,
                    {
                      service: 'gateway',
                      exchange: events.exchange,
                      prefetch: events.prefetch,
                      queueType: 'classic',
                      maxAttempts: 5,
                      retryDelayMs: 2000,
                      ownQueue: { process: events.process, idleMs: events.idleMs ?? 60_000 },
                    },
                    new ProcessLedger(),
                    logger,
                  ),
              },
            ]
          : []),
        { provide: BrokerConnection, useFactory: () => new BrokerConnection(options.url, logger, 'gateway') },
        {
          provide: RpcClient,
          inject: [BrokerConnection],
          useFactory: (broker: BrokerConnection) => new RpcClient(broker, options.rpcTimeoutMs ?? 10_000, logger),
        },
        {
          provide: 'MESSAGING_GATEWAY_HEALTH',
          inject: [BrokerConnection, RpcClient, { token: HealthRegistry, optional: true }],
          useFactory: async (broker: BrokerConnection, client: RpcClient, health?: HealthRegistry) => {
            health?.add({ name: 'broker', isHealthy: () => broker.connected });
            await client.connect();
            return true;
          },
        },
        GatewayMessagingLifecycle,
      ],
      exports: [RpcClient, BrokerConnection, ...(events ? [BusServer] : [])],
    };
  }

  static forService(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: BrokerConnection, useFactory: () => new BrokerConnection(options.url, logger, options.service) },
        {
          provide: RpcClient,
          inject: [BrokerConnection],
          useFactory: (broker: BrokerConnection) => new RpcClient(broker, options.rpcTimeoutMs ?? 10_000, logger),
        },
        {
          provide: EventPublisher,
          inject: [BrokerConnection],
          useFactory: (broker: BrokerConnection) => new EventPublisher(broker, options.exchange),
        },
        {
          provide: BusServer,
          inject: [BrokerConnection, MESSAGE_LEDGER],
          useFactory: (broker: BrokerConnection, ledger: MessageLedger) =>
            new BusServer(
              broker,
              {
                service: options.service,
                exchange: options.exchange,
                prefetch: options.prefetch,
                queueType: options.queueType,
                maxAttempts: options.maxAttempts ?? 5,
                retryDelayMs: options.retryDelayMs ?? 2000,
              },
              ledger,
              logger,
            ),
        },
        MessagingLifecycle,
      ],
      exports: [BrokerConnection, EventPublisher, BusServer, RpcClient],
    };
  }
}
