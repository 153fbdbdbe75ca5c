import type { Connection } from 'mongoose';
import { orderModel } from '../testing/order-model';
import { brokerFor, deleteQueues, quietLogger, storeFor, uniqueName } from '../testing/test-infrastructure';
import type { BrokerConnection } from './broker-connection';
import { EventPublisher } from './event-publisher';
import { OutboxRelay, outboxEvent } from './outbox';
import { VersionedChanges } from './versioned-changes';

describe('versioned changes and the outbox relay writing the same documents, in the real store', () => {
  const exchange = uniqueName('versioned-test');
  let broker: BrokerConnection;
  let store: Connection;
  let publisher: EventPublisher;

  beforeAll(async () => {
    broker = brokerFor('versioned-test');
    store = await storeFor(uniqueName('versioned_test').replace(/-/g, '_'));
    publisher = new EventPublisher(broker, exchange);
  });

  afterAll(async () => {
    await publisher.close();
    await deleteQueues(broker, [], [exchange]);
    await broker.close();
    await store.dropDatabase();
    await store.close();
  });

  it('loses neither a change nor an event when the relay removes a published event at the same moment', async () => {
    const orders = orderModel(store);
    const relay = new OutboxRelay(publisher, [orders], { pollIntervalMs: 60_000, batchSize: 100 }, quietLogger);
    const changes = new VersionedChanges(store, relay);
    for (let round = 0; round < 25; round++) {
      const id = `order-${round}`;
      await orders.create({ _id: id, status: 'submitted', version: 1, outbox: [outboxEvent('testing.order.submitted', { id })] });
      const current = await orders.findById(id).orFail();
      await Promise.all([
        relay.drain(),
        changes.apply(orders, current, { $set: { status: 'approved' } }, [outboxEvent('testing.order.approved', { id })], 'NOT_FOUND'),
      ]);
      await relay.drain();
      const final = await orders.findById(id).lean();
      expect(final).toMatchObject({ status: 'approved', version: 2, outbox: [] });
    }
  });

  it('lets one of two changes of the same version win and refuses the other', async () => {
    const orders = orderModel(store);
    const relay = new OutboxRelay(publisher, [orders], { pollIntervalMs: 60_000, batchSize: 100 }, quietLogger);
    const changes = new VersionedChanges(store, relay);
    await orders.create({ _id: 'contested', status: 'submitted', version: 1 });
    const read = await orders.findById('contested').orFail();
    const outcomes = await Promise.allSettled(
      ['approved', 'rejected', 'approved'].map((status) => changes.apply(orders, read, { $set: { status } }, [], 'NOT_FOUND')),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.code)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    expect((await orders.findById('contested').lean())?.version).toBe(2);
  });
});
