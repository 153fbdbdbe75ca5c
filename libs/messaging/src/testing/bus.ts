import type { INestApplication, Provider, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { BrokerConnection } from '../lib/broker-connection';
import { BusServer, startBus } from '../lib/bus-server';
import type { EventConsumerOptions } from '../lib/event-consumer';
import type { MessageLedger } from '../lib/message-ledger';
import { quietLogger } from './test-infrastructure';

/** For a transport that takes no events: nothing to remember. */
export const noLedger: MessageLedger = {
  claim: async () => 'claimed',
  complete: async () => undefined,
  release: async () => undefined,
};

/** A service's transport on queues of its own, with quick retries. */
export function busServerFor(
  broker: BrokerConnection,
  options: Pick<EventConsumerOptions, 'service' | 'exchange'> & Partial<EventConsumerOptions>,
  ledger: MessageLedger = noLedger,
): BusServer {
  return new BusServer(broker, { prefetch: 10, maxAttempts: 3, retryDelayMs: 100, queueType: 'classic', ...options }, ledger, quietLogger);
}

/** Starts a transport outside Nest, with the handlers given to its `addHandler`. */
export function listening(server: BusServer): Promise<BusServer> {
  return new Promise((resolve, reject) => server.listen((err) => (err ? reject(err) : resolve(server))));
}

/** A Nest app whose controllers' handlers the transport serves, started as a service starts. */
export async function busApp(server: BusServer, controllers: Type[], providers: Provider[] = []): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ controllers, providers: [...providers, { provide: BusServer, useValue: server }] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await startBus(app);
  return app;
}
