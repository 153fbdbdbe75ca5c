import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { HealthRegistry } from '@pilot/runtime';
import type { Connection, Model } from 'mongoose';
import { BrokerConnection } from './broker-connection';
import { BusServer } from './bus-server';
import { EventPublisher } from './event-publisher';
import { MessagingLifecycle } from './messaging.lifecycle';
import { MESSAGING_OPTIONS, OUTBOX_MODELS, type MessagingOptions } from './messaging.options';
import { OutboxRelay } from './outbox';
import { VersionedChanges } from './versioned-changes';
import { ProcessedMessages } from './processed-messages';
import { DocumentTurns } from './document-turns';
import { StoreHousekeeping } from './store-housekeeping';
import { MESSAGE_LEDGER, type MessageLedger } from './message-ledger';
import { RpcClient } from './rpc-client';

const logger = new Logger('Messaging');

/**
 * Wires a process to the broker. `forService` gives a service its Nest transport (BusServer,
 * started by startBus; its handlers are the `@OnRequest`/`@OnEvent` methods of its
 * controllers), its client, publisher and outbox relay; `forGateway` gives the gateway its client.
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
            await client.connect();
            return true;
          },
        },
      ],
      exports: [RpcClient, BrokerConnection],
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
          inject: [BrokerConnection, EventPublisher],
          useFactory: (broker: BrokerConnection, publisher: EventPublisher) =>
            new RpcClient(broker, options.rpcTimeoutMs ?? 10_000, logger, publisher),
        },
        {
          provide: EventPublisher,
          inject: [BrokerConnection],
          useFactory: (broker: BrokerConnection) => new EventPublisher(broker, options.exchange),
        },
        {
          provide: ProcessedMessages,
          inject: [getConnectionToken()],
          useFactory: (connection: Connection) => new ProcessedMessages(connection, options.claimLeaseMs),
        },
        {
          provide: StoreHousekeeping,
          inject: [getConnectionToken(), ProcessedMessages],
          useFactory: (connection: Connection, processed: ProcessedMessages) => new StoreHousekeeping(new DocumentTurns(connection), processed, logger),
        },
        { provide: MESSAGE_LEDGER, useExisting: ProcessedMessages },
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
        { provide: OUTBOX_MODELS, useFactory: (): Model<any>[] => [] },
        {
          provide: OutboxRelay,
          inject: [EventPublisher, OUTBOX_MODELS],
          useFactory: (publisher: EventPublisher, models: Model<any>[]) =>
            new OutboxRelay(publisher, models, { pollIntervalMs: options.outboxPollIntervalMs ?? 1000, batchSize: 100 }, logger),
        },
        {
          provide: VersionedChanges,
          inject: [getConnectionToken(), OutboxRelay],
          useFactory: (connection: Connection, relay: OutboxRelay) => new VersionedChanges(connection, relay),
        },
        MessagingLifecycle,
      ],
      exports: [BrokerConnection, EventPublisher, OutboxRelay, BusServer, RpcClient, VersionedChanges],
    };
  }
}
