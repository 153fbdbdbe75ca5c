import type { Model, QueryFilter, UpdateQuery } from 'mongoose';
import { isDuplicateKeyError } from './single-winner';

/**
 * An upsert that survives a concurrent one of the same id. Two events about one record may be
 * handled at once, and on this store both upserts can try the insert and one fails on the id.
 * Once the record exists a plain update settles it; matching nothing then means the filter's
 * condition (for example "only if newer") held the change back.
 */
export async function upsertOne<T>(model: Model<T>, filter: QueryFilter<T>, update: UpdateQuery<T>): Promise<void> {
  try {
    await model.updateOne(filter, update, { upsert: true });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    await model.updateOne(filter, update);
  }
}
