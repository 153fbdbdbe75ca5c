import type { Connection } from 'mongoose';
import { storeFor, testDatabaseName } from '../testing/store-kit';
import { Claims } from './claims';

const HOUR = 60 * 60_000;

describe('single winner among concurrent claims, in the real store', () => {
  let store: Connection;
  let claims: Claims;

  beforeAll(async () => {
    store = await storeFor(testDatabaseName('claims_test'));
    claims = new Claims(store);
  });

  afterAll(async () => {
    await store.dropDatabase();
    await store.close();
  });

  it('lets exactly one of many simultaneous claims of a key win, every time', async () => {
    for (let round = 0; round < 20; round++) {
      const outcomes = await Promise.all(Array.from({ length: 6 }, () => claims.claim(`step:${round}`, HOUR)));
      expect(outcomes.filter(Boolean)).toHaveLength(1);
    }
  });

  it('forgets a claim once it has expired, and keeps the others', async () => {
    const now = new Date();
    await claims.claim('short-lived', 1_000, new Date(now.getTime() - 5_000));
    await claims.claim('long-lived', HOUR, now);
    expect(await claims.forgetExpired(now)).toBeGreaterThanOrEqual(1);
    expect(await claims.claim('short-lived', HOUR)).toBe(true);
    expect(await claims.claim('long-lived', HOUR)).toBe(false);
  });

  it('gives up a stale claim to exactly one of the attempts that find it, and keeps a fresh one', async () => {
    const now = new Date();
    await claims.claim('abandoned', HOUR, new Date(now.getTime() - 60_000));
    await claims.claim('in-progress', HOUR, new Date(now.getTime() - 1_000));
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => claims.claimRecovering('abandoned', 30_000, HOUR, now)));
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect(await claims.claimRecovering('in-progress', 30_000, HOUR, now)).toBe(false);
    expect(await claims.claimRecovering('abandoned', 30_000, HOUR, now)).toBe(false);

    // The winner died as well: later, its renewed claim is stale in turn and taken over once more.
    const muchLater = new Date(now.getTime() + 60_000);
    const again = await Promise.all(Array.from({ length: 6 }, () => claims.claimRecovering('abandoned', 30_000, HOUR, muchLater)));
    expect(again.filter(Boolean)).toHaveLength(1);
  });

  it('lets a step that failed without writing give its claim back', async () => {
    expect(await claims.claim('given-back', HOUR)).toBe(true);
    await claims.release('given-back');
    expect(await claims.claim('given-back', HOUR)).toBe(true);
  });
});
