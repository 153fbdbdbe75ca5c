import type { EventEnvelope } from '@pilot/contracts';
import { runWithCorrelation } from '@pilot/runtime';
import type { Connection } from 'mongoose';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { orderModel } from '../testing/order-model';
import { brokerFor, deleteQueues, eventually, quietLogger, storeFor, uniqueName } from '../testing/test-infrastructure';
import type { BrokerConnection } from './broker-connection';
import { EventConsumer } from './event-consumer';
import { EventPublisher } from './event-publisher';
import { OutboxRelay, outboxEvent } from './outbox';
import { ProcessedMessages } from './processed-messages';
import { deadLetterExchangeOf, eventQueuesOf } from './topology';

const WORKSPACE = join(__dirname, '../../../..');

function runChildThatCrashesAfterWrite(dbName: string, orderId: string, type: string): Promise<{ stdout: string; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(__dirname, '../testing/crash-after-write.ts'), dbName, orderId, type],
      { cwd: WORKSPACE, env: { ...process.env, TS_NODE_PROJECT: join(WORKSPACE, 'libs/messaging/tsconfig.spec.json') } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (_code, signal) => (stdout.includes('written') ? resolve({ stdout, signal }) : reject(new Error(stderr))));
  });
}

jest.setTimeout(60_000);

describe('the outbox keeps a state change and its event together', () => {
  const exchange = uniqueName('outbox-test');
  const service = uniqueName('outbox-consumer');
  const type = 'testing.order.submitted';
  const dbName = uniqueName('outbox_test').replace(/-/g, '_');
  const received: EventEnvelope[] = [];
  let broker: BrokerConnection;
  let store: Connection;
  let publisher: EventPublisher;
  let consumer: EventConsumer;

  beforeAll(async () => {
    broker = brokerFor('outbox-test');
    store = await storeFor(dbName);
    publisher = new EventPublisher(broker, exchange);
    consumer = new EventConsumer(
      broker,
      { service, exchange, prefetch: 5, maxAttempts: 3, retryDelayMs: 100, queueType: 'classic' },
      new ProcessedMessages(store),
      quietLogger,
    );
    await consumer.start(new Map([[type, async (event: EventEnvelope) => void received.push(event)]]));
  });

  afterAll(async () => {
    await consumer.stop();
    await publisher.close();
    await deleteQueues(broker, Object.values(eventQueuesOf(service)), [exchange, deadLetterExchangeOf(exchange)]);
    await broker.close();
    await store.dropDatabase();
    await store.close();
  });

  it('relays an event written with a state change, then removes it from the document', async () => {
    const orders = orderModel(store);
    const relay = new OutboxRelay(publisher, [orders], { pollIntervalMs: 5000, batchSize: 10 }, quietLogger);
    await orders.create({ _id: 'order-1', status: 'draft', version: 1 });
    const changed = await runWithCorrelation('corr-outbox-1', () =>
      orders.updateOne(
        { _id: 'order-1', status: 'draft', version: 1 },
        { $set: { status: 'submitted' }, $inc: { version: 1 }, $push: { outbox: outboxEvent(type, { orderId: 'order-1' }) } },
      ),
    );
    expect(changed.modifiedCount).toBe(1);
    expect(await relay.drain()).toBe(1);
    const event = await eventually(() => received.find((e) => (e.payload as { orderId: string }).orderId === 'order-1'));
    expect(event.correlationId).toBe('corr-outbox-1');
    const stored = await orders.findById('order-1').lean();
    expect(stored).toMatchObject({ status: 'submitted', version: 2, outbox: [] });
    expect(await relay.drain()).toBe(0);
  });

  it('a conditional update that loses the race writes neither the state nor the event', async () => {
    const orders = orderModel(store);
    await orders.create({ _id: 'order-2', status: 'submitted', version: 5 });
    const stale = await orders.updateOne(
      { _id: 'order-2', status: 'draft', version: 4 },
      { $set: { status: 'submitted' }, $push: { outbox: outboxEvent(type, { orderId: 'order-2' }) } },
    );
    expect(stale.modifiedCount).toBe(0);
    expect((await orders.findById('order-2').lean())?.outbox).toEqual([]);
  });

  it('delivers the event after a crash between the write and the publish', async () => {
    const { signal } = await runChildThatCrashesAfterWrite(dbName, 'order-crash', type);
    expect(signal).toBe('SIGKILL');
    const orders = orderModel(store);
    const left = await orders.findById('order-crash').lean();
    expect(left?.outbox).toHaveLength(1);
    expect(received.some((e) => (e.payload as { orderId: string }).orderId === 'order-crash')).toBe(false);

    const restarted = new OutboxRelay(publisher, [orders], { pollIntervalMs: 200, batchSize: 10, strandedAfterMs: 500 }, quietLogger);
    restarted.start();
    try {
      await eventually(() => received.some((e) => (e.payload as { orderId: string }).orderId === 'order-crash'));
      await eventually(async () => ((await orders.findById('order-crash').lean())?.outbox ?? []).length === 0);
    } finally {
      await restarted.stop();
    }
  });

  it('two relays racing over the same entries still apply each event once downstream', async () => {
    const orders = orderModel(store);
    for (let i = 0; i < 10; i++) {
      await orders.create({
        _id: `race-${i}`,
        status: 'submitted',
        version: 1,
        outbox: [outboxEvent(type, { orderId: `race-${i}` }), outboxEvent(type, { orderId: `race-${i}-second` })],
      });
    }
    const relays = [0, 1].map(() => new OutboxRelay(publisher, [orders], { pollIntervalMs: 5000, batchSize: 100 }, quietLogger));
    await Promise.all(relays.map((relay) => relay.drain()));
    await eventually(() => new Set(received.map((e) => (e.payload as { orderId: string }).orderId).filter((id) => id.startsWith('race-'))).size === 20);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const raceEvents = received.filter((e) => (e.payload as { orderId: string }).orderId.startsWith('race-'));
    expect(raceEvents).toHaveLength(20);
    expect(await orders.countDocuments({ _id: /^race-/, 'outbox.0': { $exists: true } })).toBe(0);
  });

  it("leaves another replica's fresh entries to that replica, and sends them once they are left behind", async () => {
    const orders = orderModel(store);
    const ownEntry = outboxEvent(type, { orderId: 'origin-own' });
    const othersEntry = { ...outboxEvent(type, { orderId: 'origin-other' }), origin: 'another-replica' };
    await orders.create({ _id: 'origin-own', status: 'submitted', version: 1, outbox: [ownEntry] });
    await orders.create({ _id: 'origin-other', status: 'submitted', version: 1, outbox: [othersEntry] });
    const relay = new OutboxRelay(publisher, [orders], { pollIntervalMs: 60_000, batchSize: 10, strandedAfterMs: 1500 }, quietLogger);
    expect(await relay.drain()).toBe(1);
    expect((await orders.findById('origin-other').lean())?.outbox).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect(await relay.drain()).toBe(1);
    await eventually(() => ['origin-own', 'origin-other'].every((id) => received.some((e) => (e.payload as { orderId: string }).orderId === id)));
    expect(await orders.countDocuments({ _id: /^origin-/, 'outbox.0': { $exists: true } })).toBe(0);
  });

  it('sends a nudged document at once, and leaves the others to the next sweep', async () => {
    const orders = orderModel(store);
    const relay = new OutboxRelay(publisher, [orders], { pollIntervalMs: 60_000, batchSize: 10 }, quietLogger);
    relay.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 300)); // the first round's sweep is done
      for (const id of ['nudged-1', 'unmentioned-1']) {
        await orders.create({ _id: id, status: 'submitted', version: 1, outbox: [outboxEvent(type, { orderId: id })] });
      }
      relay.nudge(orders.modelName, 'nudged-1');
      await eventually(() => received.some((e) => (e.payload as { orderId: string }).orderId === 'nudged-1'));
      expect((await orders.findById('unmentioned-1').lean())?.outbox).toHaveLength(1);
      relay.nudge();
      await eventually(() => received.some((e) => (e.payload as { orderId: string }).orderId === 'unmentioned-1'));
    } finally {
      await relay.stop();
    }
  });
});
