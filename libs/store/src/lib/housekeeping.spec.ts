import { Schema, type Connection } from 'mongoose';
import { storeFor, storeKit, testDatabaseName } from '../testing/store-kit';

interface Captcha {
  _id: string;
  expiresAt: Date;
}

describe('store housekeeping in the real store, standing in for TTL indexes', () => {
  let store: Connection;

  beforeAll(async () => {
    store = await storeFor(testDatabaseName('housekeeping_test'));
  });

  afterAll(async () => {
    await store.dropDatabase();
    await store.close();
  });

  it('forgets expired claims, long-applied messages and expired documents, and keeps what may still be needed', async () => {
    const kit = storeKit(store);
    const captchas = kit.repository<Captcha>('HousekeptCaptcha', new Schema({ _id: String, expiresAt: Date }), { expire: { field: 'expiresAt', afterMs: 0 } });
    const now = new Date();
    await captchas.create({ _id: 'expired', expiresAt: new Date(now.getTime() - 1_000) });
    await captchas.create({ _id: 'valid', expiresAt: new Date(now.getTime() + 60_000) });
    expect(await captchas.claimOnce('expired', 'used', 1_000)).toBe(true);
    expect(await captchas.claimOnce('valid', 'used', 60 * 60_000)).toBe(true);
    for (const id of ['old', 'recent']) {
      await kit.processed.claim('notifications', id, 't.x.y');
      await kit.processed.complete('notifications', id);
    }
    await kit.processed.claim('notifications', 'in-progress', 't.x.y');

    const weekLater = new Date(now.getTime() + 7 * 24 * 60 * 60_000 + 60_000);
    await store.collection('processed_messages').updateOne({ _id: 'notifications:recent' as never }, { $set: { processedAt: weekLater } });
    const later = new Date(now.getTime() + 2_000);
    expect(await kit.housekeeping.run(later)).toEqual({ claims: 1, processed: 0, housekeptcaptchas: 1 });
    expect(await captchas.get('expired')).toBeNull();
    expect(await captchas.get('valid')).not.toBeNull();
    expect(await captchas.claimOnce('expired', 'used')).toBe(true);
    expect(await captchas.claimOnce('valid', 'used')).toBe(false);

    await kit.housekeeping.run(weekLater);
    expect(await kit.processed.claim('notifications', 'recent', 't.x.y')).toBe('done');
    expect(await kit.processed.claim('notifications', 'old', 't.x.y')).toBe('claimed');
  });
});
