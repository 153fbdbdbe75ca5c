import mongoose, { type Connection } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { SingleWinner } from './single-winner';

const MONGO_URL = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';

describe('single winner among concurrent attempts, in the real store', () => {
  let store: Connection;

  beforeAll(async () => {
    store = await mongoose.createConnection(MONGO_URL, { dbName: `winner_test_${randomBytes(4).toString('hex')}` }).asPromise();
  });

  afterAll(async () => {
    await store.dropDatabase();
    await store.close();
  });

  it('lets exactly one of many simultaneous claims of a key win, every time', async () => {
    const winner = new SingleWinner(store);
    for (let round = 0; round < 20; round++) {
      const outcomes = await Promise.all(Array.from({ length: 6 }, () => winner.claim(`step:${round}`)));
      expect(outcomes.filter(Boolean)).toHaveLength(1);
    }
  });

  it('forgets old claims so that they do not pile up', async () => {
    const winner = new SingleWinner(store);
    await winner.claim('old', new Date('2026-01-01T00:00:00Z'));
    await winner.claim('new', new Date());
    expect(await winner.forgetOlderThan(new Date('2026-06-01T00:00:00Z'))).toBe(1);
    expect(await winner.claim('old')).toBe(true);
    expect(await winner.claim('new')).toBe(false);
  });

  it('gives up a stale claim to exactly one of the attempts that find it, and keeps a fresh one', async () => {
    const winner = new SingleWinner(store);
    const now = new Date();
    await winner.claim('abandoned', new Date(now.getTime() - 60_000));
    await winner.claim('in-progress', new Date(now.getTime() - 1_000));
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => winner.claimRecovering('abandoned', 30_000, now)));
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect(await winner.claimRecovering('in-progress', 30_000, now)).toBe(false);
    expect(await winner.claimRecovering('abandoned', 30_000, now)).toBe(false);

    // The winner died as well: later, its renewed claim is stale in turn and taken over once more.
    const muchLater = new Date(now.getTime() + 60_000);
    const again = await Promise.all(Array.from({ length: 6 }, () => winner.claimRecovering('abandoned', 30_000, muchLater)));
    expect(again.filter(Boolean)).toHaveLength(1);
  });

  it('lets a step that failed without writing give its claim back', async () => {
    const winner = new SingleWinner(store);
    expect(await winner.claim('given-back')).toBe(true);
    await winner.release('given-back');
    expect(await winner.claim('given-back')).toBe(true);
  });
});
