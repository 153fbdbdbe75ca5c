import type { Connection } from 'mongoose';
import { orderModel } from '../testing/order-model';
import { storeFor, uniqueName } from '../testing/test-infrastructure';
import { DocumentTurns } from './document-turns';
import { outboxEvent } from './outbox';

describe('updates that take turns on a document, in the real store', () => {
  let store: Connection;

  beforeAll(async () => {
    store = await storeFor(uniqueName('turns_test').replace(/-/g, '_'));
  });

  afterAll(async () => {
    await store.dropDatabase();
    await store.close();
  });

  it('lands every one of many concurrent updates of one document, in turn', async () => {
    const orders = orderModel(store);
    await orders.create({ _id: 'order-1', status: 'draft', version: 1 });
    const turns = new DocumentTurns(store);
    const events = Array.from({ length: 8 }, (_, i) => outboxEvent('testing.order.noted', { note: i }));
    const written = await Promise.all(events.map((event) => turns.update(orders, 'order-1', { $push: { outbox: event } })));
    expect(written).toEqual(events.map(() => true));
    const order = await orders.findById('order-1').lean<{ outbox: { id: string }[]; writes: number }>();
    expect(order?.outbox.map((entry) => entry.id).sort()).toEqual(events.map((event) => event.id).sort());
    expect(order?.writes).toBe(events.length);
  });

  it('answers false for a document that does not exist', async () => {
    expect(await new DocumentTurns(store).update(orderModel(store), 'missing', { $set: { status: 'x' } })).toBe(false);
  });
});
