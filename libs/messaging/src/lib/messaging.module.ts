import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { HealthRegistry } from '@pilot/runtime';
import { BrokerConnection } from './broker-connection';
import { EventConsumer } from './event-consumer';
import { EventPublisher } from './event-publisher';
import { GatewayMessagingLifecycle, MessagingLifecycle } from './messaging.lifecycle';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';
import { MESSAGE_LEDGER, type MessageLedger } from './message-ledger';
import { RpcClient } from './rpc-client';
import { RpcServer } from './rpc-server';

const logger = new Logger('Messaging');

/**
 * Wires a process to the broker. `forService` gives a service its RPC server, event consumer
 * (which records applied messages in the service's MESSAGE_LEDGER) and publisher (handlers are
 * found by their decorators); `forGateway` gives the gateway its RPC client.
 */
@Global()
@Module({})
export class MessagingModule {
  static forGateway(options: Pick<MessagingOptions, 'url' | 'rpcTimeoutMs'>): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
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
            await client.start();
            return true;
          },
        },
        GatewayMessagingLifecycle,
      ],
      exports: [RpcClient, BrokerConnection],
    };
  }

  static forService(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: BrokerConnection, useFactory: () => new BrokerConnection(options.url, logger, options.service) },
        {
          provide: RpcServer,
          inject: [BrokerConnection],
          useFactory: (broker: BrokerConnection) => new RpcServer(broker, options.service, options.prefetch, logger, options.queueType),
        },
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
          provide: EventConsumer,
          inject: [BrokerConnection, MESSAGE_LEDGER],
          useFactory: (broker: BrokerConnection, ledger: MessageLedger) =>
            new EventConsumer(
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
      exports: [BrokerConnection, EventPublisher, RpcServer, EventConsumer, RpcClient],
    };
  }
}
