import type { Connection } from 'mongoose';
import { storeFor, testDatabaseName } from '../testing/store-kit';
import { Claims } from './claims';
import { ProcessedMessages } from './processed-messages';

describe('the processed-message record in the real store', () => {
  let store: Connection;
  const ledger = (leaseMs?: number) => new ProcessedMessages(store, new Claims(store), leaseMs);

  beforeAll(async () => {
    store = await storeFor(testDatabaseName('processed_test'));
  });

  afterAll(async () => {
    await store.dropDatabase();
    await store.close();
  });

  it('lets exactly one of several concurrent copies claim a message', async () => {
    const processed = ledger();
    const claims = await Promise.all(Array.from({ length: 5 }, () => processed.claim('notifications', 'm-1', 't.x.y')));
    expect(claims.filter((c) => c === 'claimed')).toHaveLength(1);
    expect(claims.filter((c) => c === 'busy')).toHaveLength(4);
  });

  it('answers done for a message already applied', async () => {
    const processed = ledger();
    expect(await processed.claim('notifications', 'm-2', 't.x.y')).toBe('claimed');
    await processed.complete('notifications', 'm-2');
    expect(await processed.claim('notifications', 'm-2', 't.x.y')).toBe('done');
  });

  it('frees a claim whose work failed, so that a retry can apply it', async () => {
    const processed = ledger();
    expect(await processed.claim('notifications', 'm-3', 't.x.y')).toBe('claimed');
    await processed.release('notifications', 'm-3');
    expect(await processed.claim('notifications', 'm-3', 't.x.y')).toBe('claimed');
  });

  it('lets a claim left by a crashed consumer be taken over once its lease has run out', async () => {
    const shortLease = ledger(200);
    expect(await shortLease.claim('notifications', 'm-4', 't.x.y')).toBe('claimed');
    expect(await shortLease.claim('notifications', 'm-4', 't.x.y')).toBe('busy');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await shortLease.claim('notifications', 'm-4', 't.x.y')).toBe('claimed');
  });

  it('gives a stale claim to exactly one of several replicas taking it over at once', async () => {
    // A lease long enough that the takeover's own renewal cannot run out while the replicas race.
    const lease = 2000;
    expect(await ledger(lease).claim('notifications', 'm-6', 't.x.y')).toBe('claimed');
    await new Promise((resolve) => setTimeout(resolve, lease + 100));
    const replicas = Array.from({ length: 6 }, () => ledger(lease));
    const claims = await Promise.all(replicas.map((replica) => replica.claim('notifications', 'm-6', 't.x.y')));
    expect(claims.filter((c) => c === 'claimed')).toHaveLength(1);
    expect(await ledger().claim('notifications', 'm-6', 't.x.y')).toBe('busy');
  });

  it('keeps the records of different consumers apart', async () => {
    const processed = ledger();
    expect(await processed.claim('planning', 'm-5', 't.x.y')).toBe('claimed');
    expect(await processed.claim('applications', 'm-5', 't.x.y')).toBe('claimed');
  });
});
