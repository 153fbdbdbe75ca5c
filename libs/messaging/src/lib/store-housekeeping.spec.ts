import { Schema, type Connection } from 'mongoose';
import { quietLogger, storeFor, uniqueName } from '../testing/test-infrastructure';
import { DocumentTurns } from './document-turns';
import { ProcessedMessages } from './processed-messages';
import { StoreHousekeeping } from './store-housekeeping';

describe('store housekeeping in the real store', () => {
  let store: Connection;

  beforeAll(async () => {
    store = await storeFor(uniqueName('housekeeping_test').replace(/-/g, '_'));
  });

  afterAll(async () => {
    await store.dropDatabase();
    await store.close();
  });

  it('forgets old turns and long-applied messages, and keeps what may still be needed', async () => {
    const turns = new DocumentTurns(store);
    const processed = new ProcessedMessages(store);
    const model = store.model('HousekeptOrder', new Schema({ _id: String }));
    const hourAgo = new Date(Date.now() - 61 * 60_000);
    expect(await turns.take(model, 'order-1', 1, hourAgo)).toBe(true);
    expect(await turns.take(model, 'order-1', 2)).toBe(true);
    await processed.claim('notifications', 'old', 't.x.y');
    await processed.complete('notifications', 'old');
    await processed.claim('notifications', 'recent', 't.x.y');
    await processed.complete('notifications', 'recent');
    await processed.claim('notifications', 'in-progress', 't.x.y');

    const weekLater = new Date(Date.now() + 7 * 24 * 60 * 60_000 + 60_000);
    await store.collection('processed_messages').updateOne({ _id: 'notifications:recent' as never }, { $set: { processedAt: weekLater } });
    const housekeeping = new StoreHousekeeping(turns, processed, quietLogger);
    expect(await housekeeping.run()).toEqual({ turns: 1, processed: 0 });
    expect(await turns.take(model, 'order-1', 2)).toBe(false);
    expect(await housekeeping.run(weekLater)).toEqual({ turns: 1, processed: 1 });

    expect(await processed.claim('notifications', 'recent', 't.x.y')).toBe('done');
    expect(await processed.claim('notifications', 'in-progress', 't.x.y')).toBe('busy');
    expect(await processed.claim('notifications', 'old', 't.x.y')).toBe('claimed');
  });
});
