import { BSON, MongoClient, type Db, type IndexDescription } from 'mongodb';
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BackupError } from './backup-error';
import { SERVICE_DATABASES, databaseName } from './databases';
import { DumpWriter } from './dump-files';
import { MANIFEST, newManifest, type CollectionDump, type CollectionLayout, type DatabaseDump, type Manifest } from './manifest';

export interface BackupOptions {
  mongoUrl: string;
  /** Prefix of the database names (see databasePrefix). */
  prefix: string;
  /** A folder that does not exist yet, or an empty one. */
  dir: string;
  log?: (line: string) => void;
}

/**
 * Dumps every service's database into dir: each collection (GridFS buckets are two collections,
 * `<bucket>.files` and `<bucket>.chunks`, so the evidence files' bytes come along) as canonical
 * Extended JSON, one document a line, which keeps every BSON type (ObjectId, dates, binary,
 * 32/64-bit integers and doubles apart); each database's collection options and indexes; and last
 * the manifest with the count, size and SHA-256 of every file.
 *
 * The driver reads collection by collection, not from one snapshot: for a backup consistent to
 * one moment, stop the services first (the store on these machines has no oplog to replay; in
 * production the CronJob's `mongodump --oplog` is, see k8s/README.md).
 */
export async function backup({ mongoUrl, prefix, dir, log = () => undefined }: BackupOptions): Promise<Manifest> {
  await emptyFolder(dir);
  const startedAt = new Date();
  const client = await MongoClient.connect(mongoUrl);
  try {
    const databases: DatabaseDump[] = [];
    for (const service of SERVICE_DATABASES) {
      databases.push(await dumpDatabase(client.db(databaseName(prefix, service)), service, dir, log));
    }
    if (databases.every((db) => db.collections.length === 0)) {
      throw new BackupError(`the databases ${databases.map((db) => db.database).join(', ')} hold no collection: check MONGO_URL and the prefix`);
    }
    const manifest = newManifest(startedAt, databases);
    // Written last and renamed into place: a backup with a manifest is a finished one.
    await writeFile(join(dir, `${MANIFEST}.partial`), JSON.stringify(manifest, null, 2) + '\n', { flag: 'wx' });
    await rename(join(dir, `${MANIFEST}.partial`), join(dir, MANIFEST));
    return manifest;
  } finally {
    await client.close();
  }
}

async function dumpDatabase(db: Db, service: string, dir: string, log: (line: string) => void): Promise<DatabaseDump> {
  const names = (await db.listCollections({ type: 'collection' }, { nameOnly: false }).toArray())
    .filter((c) => !c.name.startsWith('system.'))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (names.length === 0) log(`${db.databaseName}: no collections`);
  const layouts: CollectionLayout[] = [];
  const collections: CollectionDump[] = [];
  for (const { name, options } of names) {
    const collection = db.collection(name);
    layouts.push({
      name,
      options: options ?? {},
      indexes: (await collection.indexes())
        .filter((index) => index.name !== '_id_')
        .map(({ v: _version, ns: _namespace, ...index }) => index as IndexDescription),
    });
    const writer = await DumpWriter.create(dir, `${service}/${encodeURIComponent(name)}.jsonl`);
    let documents = 0;
    try {
      // Values as BSON types, not JavaScript numbers: a double 5.0 stays a double.
      for await (const document of collection.find({}, { promoteValues: false, promoteBuffers: false, bsonRegExp: true })) {
        await writer.line(BSON.EJSON.stringify(document, { relaxed: false }));
        documents++;
      }
    } catch (error) {
      await writer.close().catch(() => undefined);
      throw error;
    }
    collections.push({ name, documents, ...(await writer.close()) });
    log(`${db.databaseName}.${name}: ${documents} documents`);
  }
  const layoutWriter = await DumpWriter.create(dir, `${service}/collections.ejson`);
  await layoutWriter.line(BSON.EJSON.stringify(layouts, { relaxed: false }));
  return { service, database: db.databaseName, layout: await layoutWriter.close(), collections };
}

async function emptyFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const present = await readdir(dir);
  if (present.length > 0) throw new BackupError(`${dir} is not empty: back up into a new folder`);
}
