import type { EventEnvelope } from '@pilot/contracts';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { storeFor, storeKit } from '@pilot/store/testing';
import { lastValueFrom } from 'rxjs';
import { busServerFor, listening } from '../testing/bus';
import { brokerFor, deleteQueues, eventually, quietLogger, uniqueName } from '../testing/test-infrastructure';
import type { BrokerConnection } from './broker-connection';
import type { BusServer } from './bus-server';
import { EventPublisher } from './event-publisher';
import { RpcClient } from './rpc-client';
import { deadLetterExchangeOf, eventQueuesOf, rpcQueueOf } from './topology';

/** Stops and starts the RabbitMQ application on this machine, as a broker restart does. */
function rabbitmqctl(command: string): void {
  execFileSync('rabbitmqctl', [command], { stdio: 'ignore', timeout: 60_000 });
}

const event = (type: string, payload: unknown): EventEnvelope => ({
  id: randomUUID(),
  type,
  occurredAt: new Date().toISOString(),
  payload,
});

describe('after the broker restarts', () => {
  const exchange = uniqueName('restart-test');
  const service = uniqueName('restart-svc');
  const type = 'testing.restart.survived';
  const received: unknown[] = [];
  let broker: BrokerConnection;
  let store: Connection;
  let publisher: EventPublisher;
  let server: BusServer;
  let client: RpcClient;

  beforeAll(async () => {
    broker = brokerFor('restart-test');
    store = await storeFor(uniqueName('restart_test').replace(/-/g, '_'));
    publisher = new EventPublisher(broker, exchange);
    server = busServerFor(broker, { service, exchange, prefetch: 5 }, storeKit(store).processed);
    server.addHandler(type, async (e: EventEnvelope) => void received.push(e.payload), true);
    server.addHandler(`${service}.ping.get`, async () => 'pong');
    await listening(server);
    client = new RpcClient(broker, 3000, quietLogger);
    await client.connect();
    await publisher.publish(event(type, 'before'));
    await eventually(() => received.includes('before'));
  });

  afterAll(async () => {
    await Promise.all([server.close(), client.close()]);
    await publisher.close();
    await deleteQueues(broker, [...Object.values(eventQueuesOf(service)), rpcQueueOf(service)], [exchange, deadLetterExchangeOf(exchange)]);
    await broker.close();
    await store.dropDatabase();
    await store.close();
  });

  it('reconnects by itself; consumers, RPC and publishing work again, and an event published while it was down arrives', async () => {
    rabbitmqctl('stop_app');
    let duringOutage: Promise<void> | undefined;
    try {
      await eventually(() => !broker.connected, 20_000);
      duringOutage = publisher.publish(event(type, 'during'));
    } finally {
      rabbitmqctl('start_app');
    }
    await eventually(() => broker.connected, 30_000);
    await duringOutage;
    await publisher.publish(event(type, 'after'));
    await eventually(() => received.includes('during') && received.includes('after'), 30_000);
    const pong = await eventually(() => lastValueFrom(client.send(`${service}.ping.get`, {})).catch(() => undefined), 30_000);
    expect(pong).toBe('pong');
  }, 120_000);
});
