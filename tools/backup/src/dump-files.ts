import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { BackupError } from './backup-error';
import type { DumpFile } from './manifest';

/** Writes come out in pieces of about this size. */
const PIECE = 1 << 20;

/** A new file of the backup, written line by line, its size and SHA-256 counted on the way. */
export class DumpWriter {
  private readonly hash = createHash('sha256');
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private bytes = 0;

  private constructor(
    private readonly path: string,
    private readonly handle: FileHandle,
  ) {}

  /** Creates the file; one that exists already is never overwritten. */
  static async create(dir: string, path: string): Promise<DumpWriter> {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    return new DumpWriter(path, await open(join(dir, path), 'wx'));
  }

  async line(text: string): Promise<void> {
    const piece = Buffer.from(text + '\n', 'utf8');
    this.pending.push(piece);
    this.pendingBytes += piece.length;
    if (this.pendingBytes >= PIECE) await this.flush();
  }

  /** Writes what is left, makes it durable and tells what a restore must find. */
  async close(): Promise<DumpFile> {
    try {
      await this.flush();
      await this.handle.sync();
    } finally {
      await this.handle.close();
    }
    return { path: this.path, bytes: this.bytes, sha256: this.hash.digest('hex') };
  }

  private async flush(): Promise<void> {
    const piece = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    this.hash.update(piece);
    this.bytes += piece.length;
    await this.handle.write(piece);
  }
}

/** Refuses a file that is not the one the manifest describes: missing, another size, another SHA-256, or another number of lines. */
export async function verifyDumpFile(dir: string, file: DumpFile, lines?: number): Promise<void> {
  const hash = createHash('sha256');
  let bytes = 0;
  let newlines = 0;
  try {
    for await (const piece of createReadStream(join(dir, file.path)) as AsyncIterable<Buffer>) {
      hash.update(piece);
      bytes += piece.length;
      for (let i = piece.indexOf(10); i !== -1; i = piece.indexOf(10, i + 1)) newlines++;
    }
  } catch (error) {
    throw new BackupError(`${file.path} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (bytes !== file.bytes) throw new BackupError(`${file.path} is damaged: ${bytes} bytes, the manifest says ${file.bytes}`);
  const sha256 = hash.digest('hex');
  if (sha256 !== file.sha256) throw new BackupError(`${file.path} is damaged: its SHA-256 is ${sha256}, the manifest says ${file.sha256}`);
  if (lines !== undefined && newlines !== lines) throw new BackupError(`${file.path} holds ${newlines} documents, the manifest says ${lines}`);
}

/** The lines of a file of the backup. */
export function readLines(dir: string, path: string): AsyncIterable<string> {
  return createInterface({ input: createReadStream(join(dir, path), 'utf8'), crlfDelay: Infinity });
}
