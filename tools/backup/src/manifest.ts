import type { IndexDescription } from 'mongodb';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BackupError } from './backup-error';

export const MANIFEST = 'manifest.json';
const FORMAT = 'pilot-platform-backup';
const VERSION = 1;

/** A file of the backup, with what it must hold. */
export interface DumpFile {
  /** Relative to the backup's folder. */
  path: string;
  bytes: number;
  sha256: string;
}

/** One collection: its documents, canonical Extended JSON, one a line. */
export interface CollectionDump extends DumpFile {
  name: string;
  documents: number;
}

export interface DatabaseDump {
  /** The service whose database it is (the name without the prefix). */
  service: string;
  /** The database's name when it was backed up. */
  database: string;
  /** Each collection's options and index definitions (CollectionLayout[], canonical Extended JSON). */
  layout: DumpFile;
  collections: CollectionDump[];
}

/** What a backup holds; written last, so a backup without one was interrupted. */
export interface Manifest {
  format: typeof FORMAT;
  version: typeof VERSION;
  startedAt: string;
  finishedAt: string;
  databases: DatabaseDump[];
}

/** How a collection is made again: its options and its indexes (without the _id index). */
export interface CollectionLayout {
  name: string;
  options: Record<string, unknown>;
  indexes: IndexDescription[];
}

export function newManifest(startedAt: Date, databases: DatabaseDump[]): Manifest {
  return { format: FORMAT, version: VERSION, startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), databases };
}

/** Reads the manifest and checks its shape: a damaged one is refused before any file is read. */
export async function readManifest(dir: string): Promise<Manifest> {
  let raw: string;
  try {
    raw = await readFile(join(dir, MANIFEST), 'utf8');
  } catch {
    throw new BackupError(`${join(dir, MANIFEST)} is missing: not a backup, or one that did not finish`);
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(raw);
  } catch (error) {
    throw new BackupError(`${MANIFEST} is damaged: ${(error as Error).message}`);
  }
  const problem = manifestProblem(manifest);
  if (problem) throw new BackupError(`${MANIFEST} is damaged: ${problem}`);
  return manifest as Manifest;
}

function manifestProblem(m: any): string | undefined {
  if (m?.format !== FORMAT || m?.version !== VERSION) return `not a ${FORMAT} version ${VERSION}`;
  if (!Array.isArray(m.databases)) return 'no list of databases';
  const paths = new Set<string>();
  for (const db of m.databases) {
    if (typeof db?.service !== 'string' || typeof db?.database !== 'string') return 'a database without its service or name';
    for (const file of [db.layout, ...(Array.isArray(db.collections) ? db.collections : [null])]) {
      const problem = fileProblem(file);
      if (problem) return `${db.service}: ${problem}`;
      if (paths.has(file.path)) return `${file.path} is listed twice`;
      paths.add(file.path);
    }
    for (const c of db.collections) {
      if (typeof c.name !== 'string' || !Number.isInteger(c.documents) || c.documents < 0) return `${db.service}: a collection without its name or count`;
    }
  }
  return undefined;
}

function fileProblem(f: any): string | undefined {
  if (typeof f?.path !== 'string' || f.path.startsWith('/') || f.path.split('/').includes('..')) return 'a file outside the backup';
  if (!Number.isInteger(f.bytes) || f.bytes < 0 || !/^[0-9a-f]{64}$/.test(f.sha256 ?? '')) return `${f.path}: no size or SHA-256`;
  return undefined;
}
