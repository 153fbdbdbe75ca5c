import mongoose, { Schema, type Connection } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { BULK_WRITE_SLICE, bulkWriteInSlices } from './bulk-writes';

const MONGO_URL = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';

describe('bulk writes in slices, in the real store', () => {
  let connection: Connection;

  beforeAll(async () => {
    connection = await mongoose.createConnection(MONGO_URL, { dbName: `bulk_test_${randomBytes(4).toString('hex')}` }).asPromise();
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('upserts three times as many matching documents as the store could take in one command, again and again', async () => {
    const Thing = connection.model('Thing', new Schema({ code: String, round: Number }));
    const count = BULK_WRITE_SLICE * 6;
    for (let round = 1; round <= 3; round++) {
      await bulkWriteInSlices(
        Thing,
        Array.from({ length: count }, (_, i) => ({
          updateOne: { filter: { code: `c${i}` }, update: { $set: { code: `c${i}`, round } }, upsert: true },
        })),
      );
      expect(await Thing.countDocuments({ round })).toBe(count);
    }
  }, 60_000);
});
