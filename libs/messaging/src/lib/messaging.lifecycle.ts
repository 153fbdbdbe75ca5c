import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleDestroy, Optional } from '@nestjs/common';
import { HealthRegistry } from '@pilot/runtime';
import { BrokerConnection } from './broker-connection';
import { BusServer } from './bus-server';
import { EventPublisher } from './event-publisher';
import { RpcClient } from './rpc-client';

/**
 * The consumers start with the Nest transport (see startBus). On shutdown this stops them
 * taking work and lets in-flight work finish while the store is still open (Nest would close
 * the transport only after the store; the store's outbox relay stops after this), then closes
 * the connection.
 */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger('Messaging');

  constructor(
    private readonly broker: BrokerConnection,
    private readonly server: BusServer,
    private readonly publisher: EventPublisher,
    private readonly rpcClient: RpcClient,
    @Optional() private readonly health?: HealthRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.health?.add({ name: 'broker', isHealthy: () => this.broker.connected });
  }

  async onModuleDestroy(): Promise<void> {
    await this.server.close();
    this.logger.log({ msg: 'messaging stopped taking work' });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.rpcClient.close();
    await this.publisher.close();
    await this.broker.close();
  }
}

/**
 * The gateway's side: on shutdown it stops following events, and once the HTTP server has
 * stopped taking requests, fails the calls still waiting and closes the connection, as a
 * service's lifecycle does.
 */
@Injectable()
export class GatewayMessagingLifecycle implements OnModuleDestroy, OnApplicationShutdown {
  constructor(
    private readonly broker: BrokerConnection,
    private readonly rpcClient: RpcClient,
    @Optional() private readonly server?: BusServer,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await this.server?.close();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.rpcClient.close();
    await this.broker.close();
  }
}
