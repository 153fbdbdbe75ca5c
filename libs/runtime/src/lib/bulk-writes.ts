import type { Model } from 'mongoose';

/**
 * FerretDB v1 on SQLite keeps one pooled connection per statement of an update command that
 * matched a document, until the whole command ends; its pool has 100, so a bulk write of 100
 * matching upserts waits for itself forever (and the database with it). Slices well below
 * that cost nothing on MongoDB.
 */
export const BULK_WRITE_SLICE = 50;

export async function bulkWriteInSlices<T>(model: Model<T>, operations: Parameters<Model<T>['bulkWrite']>[0]): Promise<void> {
  for (let start = 0; start < operations.length; start += BULK_WRITE_SLICE) {
    await model.bulkWrite(operations.slice(start, start + BULK_WRITE_SLICE));
  }
}
