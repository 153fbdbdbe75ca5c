import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleDestroy, Optional } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { HealthRegistry } from '@pilot/runtime';
import { BrokerConnection } from './broker-connection';
import { EventConsumer } from './event-consumer';
import { EventPublisher } from './event-publisher';
import { EVENT_HANDLER, RPC_HANDLER } from './handler-decorators';
import { RpcClient } from './rpc-client';
import { RpcServer } from './rpc-server';

/**
 * Starts consuming once the whole application is built, and on shutdown stops taking work,
 * lets in-flight work finish (while the store is still open), then closes the connection.
 */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger('Messaging');

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly broker: BrokerConnection,
    private readonly rpcServer: RpcServer,
    private readonly consumer: EventConsumer,
    private readonly publisher: EventPublisher,
    private readonly rpcClient: RpcClient,
    @Optional() private readonly health?: HealthRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.health?.add({ name: 'broker', isHealthy: () => this.broker.connected });
    this.registerHandlers();
    await this.rpcServer.start();
    await this.consumer.start();
    this.logger.log({
      msg: 'messaging started',
      rpcPatterns: this.rpcServer.patterns,
      eventTypes: this.consumer.types,
    });
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.rpcServer.stop(), this.consumer.stop()]);
    this.logger.log({ msg: 'messaging stopped taking work' });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.rpcClient.stop();
    await this.publisher.close();
    await this.broker.close();
  }

  private registerHandlers(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, (...args: unknown[]) => unknown> | undefined;
      if (!instance || typeof instance !== 'object' || wrapper.isNotMetatype) continue;
      const prototype = Object.getPrototypeOf(instance);
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const pattern = this.reflector.get<string>(RPC_HANDLER, prototype[method]);
        if (pattern) this.rpcServer.register(pattern, (payload) => instance[method](payload));
        const type = this.reflector.get<string>(EVENT_HANDLER, prototype[method]);
        if (type) this.consumer.register(type, (event) => instance[method](event) as Promise<void>);
      }
    }
  }
}

/**
 * The gateway's side: on shutdown, once the HTTP server has stopped taking requests, fails the
 * calls still waiting and closes the connection, as a service's lifecycle does.
 */
@Injectable()
export class GatewayMessagingLifecycle implements OnApplicationShutdown {
  constructor(
    private readonly broker: BrokerConnection,
    private readonly rpcClient: RpcClient,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.rpcClient.stop();
    await this.broker.close();
  }
}
