import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleDestroy, Optional } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { HealthRegistry } from '@pilot/runtime';
import type { Connection, Model } from 'mongoose';
import { BrokerConnection } from './broker-connection';
import { BusServer } from './bus-server';
import { EventPublisher } from './event-publisher';
import { MESSAGING_OPTIONS, OUTBOX_MODELS, type MessagingOptions } from './messaging.options';
import { OutboxRelay } from './outbox';
import { RpcClient } from './rpc-client';
import { StoreHousekeeping } from './store-housekeeping';

/**
 * The consumers start with the Nest transport (see startBus). On shutdown this stops them
 * taking work and lets in-flight work finish while the store is still open (Nest would close
 * the transport only after the store), then closes the connection.
 */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger('Messaging');

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly broker: BrokerConnection,
    private readonly server: BusServer,
    private readonly publisher: EventPublisher,
    private readonly relay: OutboxRelay,
    private readonly rpcClient: RpcClient,
    private readonly housekeeping: StoreHousekeeping,
    @Inject(OUTBOX_MODELS) private readonly outboxModels: Model<any>[],
    @InjectConnection() private readonly connection: Connection,
    @Optional() private readonly health?: HealthRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.health?.add({ name: 'broker', isHealthy: () => this.broker.connected });
    this.outboxModels.push(...(this.options.outboxModels ?? []).map((name) => this.connection.model(name) as Model<any>));
    this.relay.start();
    this.housekeeping.start();
    this.logger.log({ msg: 'outbox relay started', outboxModels: this.options.outboxModels ?? [] });
  }

  async onModuleDestroy(): Promise<void> {
    await this.server.close();
    await this.relay.stop();
    this.housekeeping.stop();
    this.logger.log({ msg: 'messaging stopped taking work' });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.rpcClient.close();
    await this.publisher.close();
    await this.broker.close();
  }
}
