import { mongo, type Connection } from 'mongoose';

/** Named GridFS buckets of the process's database, for file bytes that never travel in messages. */
export class FileBuckets {
  private readonly buckets = new Map<string, mongo.GridFSBucket>();

  constructor(private readonly connection: Connection) {}

  bucket(name: string): mongo.GridFSBucket {
    let bucket = this.buckets.get(name);
    if (!bucket) {
      bucket = new mongo.GridFSBucket(this.connection.db as mongo.Db, { bucketName: name });
      this.buckets.set(name, bucket);
    }
    return bucket;
  }
}
