import { BSON, MongoClient, type Db, type Document } from 'mongodb';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BackupError } from './backup-error';
import { databaseName } from './databases';
import { readLines, verifyDumpFile } from './dump-files';
import { readManifest, type CollectionLayout, type DatabaseDump, type Manifest } from './manifest';

export interface RestoreOptions {
  mongoUrl: string;
  /** Prefix of the target databases' names (see databasePrefix): the backup's own names do not matter. */
  prefix: string;
  dir: string;
  /** Services whose databases to restore; all that the backup holds when absent. */
  only?: string[];
  /** Drop target databases that hold collections; without it such a target is refused. */
  drop?: boolean;
  log?: (line: string) => void;
}

/** Documents per insert; GridFS chunks (255 kB each) are bounded by the bytes instead. */
const BATCH_DOCUMENTS = 1000;
const BATCH_BYTES = 8 << 20;

/**
 * Checks the whole backup, then loads the chosen databases into empty ones: collections with
 * their options, the documents, the indexes after them; and counts what landed.
 *
 * An operator's tool, run while the services are stopped, so it writes with plain inserts into
 * empty collections: libs/store's turns and claims guard the services' concurrent changes of
 * documents, of which there are none here (the lint rule that keeps writes in libs/store covers
 * apps/ and libs/; tools/ are not linted). Restored documents keep their outboxes: events that
 * were waiting at backup time are sent when the services start, and consumers skip those they
 * had already applied (by message id).
 */
export async function restore({ mongoUrl, prefix, dir, only, drop = false, log = () => undefined }: RestoreOptions): Promise<Manifest> {
  const manifest = await verifyBackup(dir, log);
  const chosen = choose(manifest, only);
  const client = await MongoClient.connect(mongoUrl);
  try {
    const targets = chosen.map((dump) => ({ dump, db: client.db(databaseName(prefix, dump.service)) }));
    for (const { db } of targets) await makeRoom(db, drop, log);
    for (const { dump, db } of targets) await loadDatabase(db, dump, dir, log);
    return manifest;
  } finally {
    await client.close();
  }
}

/** Refuses a damaged backup: every file must have its manifest's size, SHA-256 and number of lines. */
export async function verifyBackup(dir: string, log: (line: string) => void = () => undefined): Promise<Manifest> {
  const manifest = await readManifest(dir);
  for (const db of manifest.databases) {
    await verifyDumpFile(dir, db.layout, 1);
    for (const collection of db.collections) await verifyDumpFile(dir, collection, collection.documents);
    const documents = db.collections.reduce((sum, c) => sum + c.documents, 0);
    log(`${db.service}: ${db.collections.length} collections, ${documents} documents, checksums verified`);
  }
  return manifest;
}

function choose(manifest: Manifest, only: string[] | undefined): DatabaseDump[] {
  if (!only) return manifest.databases;
  const held = manifest.databases.map((db) => db.service);
  const unknown = only.filter((service) => !held.includes(service));
  if (unknown.length > 0) throw new BackupError(`the backup holds no database of ${unknown.join(', ')} (it holds ${held.join(', ')})`);
  return manifest.databases.filter((db) => only.includes(db.service));
}

async function makeRoom(db: Db, drop: boolean, log: (line: string) => void): Promise<void> {
  const present = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).filter((name) => !name.startsWith('system.'));
  if (present.length === 0) return;
  if (!drop) {
    throw new BackupError(`${db.databaseName} is not empty (${present.join(', ')}): restore into fresh databases, or pass --drop to drop it first`);
  }
  await db.dropDatabase();
  log(`${db.databaseName}: dropped (${present.length} collections)`);
}

async function loadDatabase(db: Db, dump: DatabaseDump, dir: string, log: (line: string) => void): Promise<void> {
  const layouts = BSON.EJSON.parse(await readFile(join(dir, dump.layout.path), 'utf8'), { relaxed: false }) as CollectionLayout[];
  for (const collection of dump.collections) {
    const layout = layouts.find((l) => l.name === collection.name);
    if (!layout) throw new BackupError(`${dump.layout.path} has no layout for ${collection.name}`);
    const target = await db.createCollection(collection.name, layout.options);
    let batch: Document[] = [];
    let bytes = 0;
    const insert = async () => {
      if (batch.length > 0) await target.insertMany(batch, { ordered: true, bypassDocumentValidation: true });
      batch = [];
      bytes = 0;
    };
    for await (const line of readLines(dir, collection.path)) {
      batch.push(BSON.EJSON.parse(line, { relaxed: false }) as Document);
      bytes += line.length;
      if (batch.length >= BATCH_DOCUMENTS || bytes >= BATCH_BYTES) await insert();
    }
    await insert();
    if (layout.indexes.length > 0) await target.createIndexes(layout.indexes);
    const landed = await target.countDocuments();
    if (landed !== collection.documents) {
      throw new BackupError(`${db.databaseName}.${collection.name}: ${landed} documents after the restore, the backup holds ${collection.documents}`);
    }
    log(`${db.databaseName}.${collection.name}: ${landed} documents, ${layout.indexes.length} indexes`);
  }
}
