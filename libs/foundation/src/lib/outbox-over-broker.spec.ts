import type { EventEnvelope } from '@pilot/contracts';
import { EventPublisher, deadLetterExchangeOf, eventQueuesOf, rpcQueueOf, type BrokerConnection, type BusServer } from '@pilot/messaging';
import { brokerFor, busServerFor, deleteQueues, eventually, listening, uniqueName } from '@pilot/messaging/testing';
import { runWithCorrelation } from '@pilot/runtime';
import { storeFor, storeKit, testDatabaseName, type StoreKit } from '@pilot/store/testing';
import type { Connection } from 'mongoose';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { orderSchema, type Order } from '../testing/order';

const WORKSPACE = join(__dirname, '../../../..');

function runChildThatCrashesAfterWrite(dbName: string, orderId: string, type: string): Promise<{ signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(__dirname, '../testing/crash-after-write.ts'), dbName, orderId, type],
      { cwd: WORKSPACE, env: { ...process.env, TS_NODE_PROJECT: join(WORKSPACE, 'libs/foundation/tsconfig.spec.json') } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (_code, signal) => (stdout.includes('written') ? resolve({ signal }) : reject(new Error(stderr))));
  });
}

jest.setTimeout(60_000);

describe('the outbox keeps a state change and its event together, from the store to the broker', () => {
  const exchange = uniqueName('outbox-test');
  const service = uniqueName('outbox-consumer');
  const type = 'testing.order.submitted';
  const dbName = testDatabaseName('outbox_test');
  const received: EventEnvelope[] = [];
  const receivedFor = (orderId: string) => received.filter((e) => (e.payload as { orderId: string }).orderId === orderId);
  let broker: BrokerConnection;
  let store: Connection;
  let publisher: EventPublisher;
  let consumer: BusServer;
  const kitOf = (origin?: string): StoreKit => storeKit(store, { sink: publisher, origin, relay: { strandedAfterMs: 1500 } });
  const ordersOf = (kit: StoreKit) => kit.repository<Order>('Order', orderSchema(), { events: true });

  beforeAll(async () => {
    broker = brokerFor('outbox-test');
    store = await storeFor(dbName);
    publisher = new EventPublisher(broker, exchange);
    consumer = busServerFor(broker, { service, exchange, prefetch: 5 }, storeKit(store).processed);
    consumer.addHandler(type, async (event: EventEnvelope) => void received.push(event), true);
    await listening(consumer);
  });

  afterAll(async () => {
    await consumer.close();
    await publisher.close();
    await deleteQueues(broker, [rpcQueueOf(service), ...Object.values(eventQueuesOf(service))], [exchange, deadLetterExchangeOf(exchange)]);
    await broker.close();
    await store.dropDatabase();
    await store.close();
  });

  it('relays an event written with a state change, with its correlation id, then removes it from the document', async () => {
    const kit = kitOf();
    const orders = ordersOf(kit);
    const draft = await orders.create({ _id: 'order-1', status: 'draft', version: 1 });
    await runWithCorrelation('corr-outbox-1', () => orders.change(draft, { set: { status: 'submitted' }, events: [{ type, payload: { orderId: 'order-1' } }] }, { conflict: 'APPLICATION_CHANGED' }));
    expect(await kit.relay.drain()).toBe(1);
    const event = await eventually(() => receivedFor('order-1')[0]);
    expect(event.correlationId).toBe('corr-outbox-1');
    const stored = await orders.get('order-1');
    expect(stored).toMatchObject({ status: 'submitted', version: 2 });
    expect(stored?.outbox).toEqual([]);
    expect(await kit.relay.drain()).toBe(0);
  });

  it('delivers the event after a crash between the write and the publish', async () => {
    const { signal } = await runChildThatCrashesAfterWrite(dbName, 'order-crash', type);
    expect(signal).toBe('SIGKILL');
    const restarted = kitOf();
    const orders = ordersOf(restarted);
    expect((await orders.get('order-crash'))?.outbox).toHaveLength(1);
    expect(receivedFor('order-crash')).toHaveLength(0);
    // The crashed process's entries are another origin's now: they wait until they count as stranded.
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect(await restarted.relay.drain()).toBe(1);
    await eventually(() => receivedFor('order-crash').length === 1);
    expect((await orders.get('order-crash'))?.outbox).toEqual([]);
  });

  it('applies each event once downstream when two relays race over the same entries', async () => {
    const relays = [kitOf(), kitOf()];
    const orders = ordersOf(relays[0]);
    ordersOf(relays[1]);
    for (let i = 0; i < 10; i++) {
      const created = await orders.create({ _id: `race-${i}`, status: 'draft', version: 1 }, { events: [{ type, payload: { orderId: `race-${i}` } }] });
      await orders.change(created, { set: { status: 'submitted' }, events: [{ type, payload: { orderId: `race-${i}-second` } }] }, { conflict: 'APPLICATION_CHANGED' });
    }
    await Promise.all(relays.map((kit) => kit.relay.drain()));
    await eventually(() => new Set(received.map((e) => (e.payload as { orderId: string }).orderId).filter((id) => id.startsWith('race-'))).size === 20);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received.filter((e) => (e.payload as { orderId: string }).orderId.startsWith('race-'))).toHaveLength(20);
    expect(await orders.count({ _id: /^race-/, 'outbox.0': { $exists: true } })).toBe(0);
  });

  it("leaves another replica's fresh entries to that replica, and sends them once they are left behind", async () => {
    const mine = kitOf();
    const others = kitOf('another-replica');
    await ordersOf(mine).create({ _id: 'origin-own', status: 'submitted', version: 1 }, { events: [{ type, payload: { orderId: 'origin-own' } }] });
    await ordersOf(others).create({ _id: 'origin-other', status: 'submitted', version: 1 }, { events: [{ type, payload: { orderId: 'origin-other' } }] });
    expect(await mine.relay.drain()).toBe(1);
    expect((await ordersOf(mine).get('origin-other'))?.outbox).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect(await mine.relay.drain()).toBe(1);
    await eventually(() => ['origin-own', 'origin-other'].every((id) => receivedFor(id).length === 1));
  });

  it('sends a written document at once, and leaves documents it was not told of to the next sweep', async () => {
    const kit = kitOf();
    const orders = ordersOf(kit);
    kit.relay.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 300)); // the first round's sweep is done
      await ordersOf(kitOf('another-replica')).create({ _id: 'unmentioned-1', status: 'submitted', version: 1 }, { events: [{ type, payload: { orderId: 'unmentioned-1' } }] });
      await orders.create({ _id: 'nudged-1', status: 'submitted', version: 1 }, { events: [{ type, payload: { orderId: 'nudged-1' } }] });
      await eventually(() => receivedFor('nudged-1').length === 1);
      expect((await orders.get('unmentioned-1'))?.outbox).toHaveLength(1);
    } finally {
      await kit.relay.stop();
    }
  });
});
