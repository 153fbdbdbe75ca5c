import { BSON, Binary, Double, GridFSBucket, Int32, Long, MongoClient, ObjectId, UUID, type Db } from 'mongodb';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BackupError } from './backup-error';
import { backup } from './backup';
import { SERVICE_DATABASES, databasePrefix } from './databases';
import { main } from './main';
import { MANIFEST } from './manifest';
import { restore } from './restore';

const MONGO_URL = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';
/** Database names of this run only: `<prefix><service>`. */
const uniquePrefix = (what: string) => `bk${what}_${randomBytes(3).toString('hex')}_`;

/** Evidence files as the gateway keeps them: one empty, one of several chunks, one small. */
const FILES = [
  { name: '空文件.pdf', bytes: Buffer.alloc(0) },
  { name: '师资证明材料.pdf', bytes: randomBytes(700_000) },
  { name: 'venue.docx', bytes: Buffer.from('PK\u0003\u0004 a small document') },
];

describe('backup and restore of every service database, files included', () => {
  let client: MongoClient;
  const prefixes: string[] = [];
  const folders: string[] = [];
  let source: string;
  let fileIds: ObjectId[];

  const db = (prefix: string, service: string): Db => client.db(`${prefix}${service}`);
  const folder = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pilot-backup-'));
    folders.push(dir);
    return join(dir, 'backup');
  };
  const prefix = (what: string) => {
    const p = uniquePrefix(what);
    prefixes.push(p);
    return p;
  };

  beforeAll(async () => {
    client = await MongoClient.connect(MONGO_URL);
    source = prefix('src');
    fileIds = await seed(source);
  });

  afterAll(async () => {
    for (const p of prefixes) for (const service of SERVICE_DATABASES) await db(p, service).dropDatabase();
    for (const dir of folders) await rm(dir, { recursive: true, force: true });
    await client.close();
  });

  /** Documents of every BSON type the services store, in all five databases, with indexes. */
  async function seed(p: string): Promise<ObjectId[]> {
    const collegeId = new ObjectId();
    await db(p, 'identity').collection('accounts').insertMany([
      {
        _id: collegeId,
        username: '3137000001',
        role: 'college',
        passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA',
        createdAt: new Date('2026-03-01T08:00:00.000Z'),
        failures: new Int32(0),
        sessionVersion: Long.fromString('9007199254740993'),
        ratio: new Double(5),
        profile: { name: '测试职业学院', cities: ['370100', '370200'], contact: null, verified: true },
      },
      { _id: new ObjectId(), username: 'admin', role: 'admin', createdAt: new Date(0), ratio: new Double(0.25) },
    ]);
    await db(p, 'identity').collection('accounts').createIndexes([
      { key: { username: 1 }, name: 'username_1', unique: true },
      { key: { role: 1, createdAt: -1 }, name: 'role_1_createdAt_-1' },
    ]);
    await db(p, 'identity').collection('provinces').insertOne({ _id: '370000' as unknown as ObjectId, name: '山东省', departmentName: '山东省教育厅' });
    await db(p, 'planning').collection('plans').insertOne({
      _id: new ObjectId(),
      name: '2026年第一批',
      startsAt: new Date('2026-04-01T00:00:00+08:00'),
      certificates: [{ certificateId: new ObjectId(), quota: new Int32(30) }],
      version: new Int32(3),
    });
    await db(p, 'applications').collection('applications').insertOne({
      _id: new ObjectId(),
      collegeId,
      status: 'pending_province',
      teachersHtml: '<p>专职教师<strong>12名</strong> &amp; "引号" \\ 反斜杠</p>',
      history: [{ at: new Date(), action: 'submit', by: collegeId }],
      outbox: [{ id: new UUID().toString(), type: 'applications.application.submitted', payload: { collegeId: collegeId.toHexString() } }],
    });
    await db(p, 'applications').collection('applications').createIndex({ collegeId: 1, status: 1 }, { name: 'collegeId_1_status_1' });
    await db(p, 'notifications').collection('dev_sms_inbox').insertOne({
      _id: new ObjectId(),
      sealed: new Binary(randomBytes(48)),
      messageId: new UUID(),
      sentAt: new Date(),
    });
    const bucket = new GridFSBucket(db(p, 'gateway'), { bucketName: 'evidence' });
    const ids: ObjectId[] = [];
    for (const file of FILES) {
      const upload = bucket.openUploadStream(file.name, { metadata: { collegeId: collegeId.toHexString(), contentType: 'application/pdf' } });
      await pipeline(Readable.from([file.bytes]), upload);
      ids.push(upload.id);
    }
    return ids;
  }

  /** Every document of every collection of the service's database, exactly, in _id order. */
  async function contents(p: string, service: string): Promise<Record<string, string[]>> {
    const out: Record<string, string[]> = {};
    for (const { name } of await db(p, service).listCollections({}, { nameOnly: true }).toArray()) {
      const documents = await db(p, service).collection(name).find({}, { promoteValues: false }).toArray();
      out[name] = documents.map((d) => BSON.EJSON.stringify(d, { relaxed: false })).sort();
    }
    return out;
  }

  async function indexes(p: string, service: string): Promise<Record<string, unknown[]>> {
    const out: Record<string, unknown[]> = {};
    for (const { name } of await db(p, service).listCollections({}, { nameOnly: true }).toArray()) {
      out[name] = (await db(p, service).collection(name).indexes())
        .map(({ key, name: indexName, unique }) => ({ key, name: indexName, unique: unique ?? false }))
        .sort((a, b) => String(a.name).localeCompare(String(b.name)));
    }
    return out;
  }

  async function download(p: string, id: ObjectId): Promise<Buffer> {
    const pieces: Buffer[] = [];
    for await (const piece of new GridFSBucket(db(p, 'gateway'), { bucketName: 'evidence' }).openDownloadStream(id)) pieces.push(piece as Buffer);
    return Buffer.concat(pieces);
  }

  it('restores into fresh databases exactly what it backed up: documents with their types, indexes and the evidence files byte for byte', async () => {
    const dir = await folder();
    const manifest = await backup({ mongoUrl: MONGO_URL, prefix: source, dir });
    expect(manifest.databases.map((d) => d.database)).toEqual(SERVICE_DATABASES.map((service) => `${source}${service}`));
    const gateway = manifest.databases.find((d) => d.service === 'gateway');
    expect(gateway?.collections.map((c) => [c.name, c.documents])).toEqual([
      ['evidence.chunks', 4], // 0 + 3 (700 kB in 255 kB chunks) + 1
      ['evidence.files', 3],
    ]);

    const target = prefix('dst');
    await restore({ mongoUrl: MONGO_URL, prefix: target, dir });

    for (const service of SERVICE_DATABASES) {
      expect({ service, contents: await contents(target, service) }).toEqual({ service, contents: await contents(source, service) });
      expect({ service, indexes: await indexes(target, service) }).toEqual({ service, indexes: await indexes(source, service) });
    }
    for (const [i, id] of fileIds.entries()) {
      expect((await download(target, id)).equals(FILES[i].bytes)).toBe(true);
    }
    // The types survive, not only the values: a double 5.0 is not an int 5, a 64-bit integer keeps its last digit.
    const account = await db(target, 'identity').collection('accounts').findOne({ username: '3137000001' }, { promoteValues: false });
    expect(account?.['ratio']).toBeInstanceOf(Double);
    expect(account?.['failures']).toBeInstanceOf(Int32);
    expect(String(account?.['sessionVersion'])).toBe('9007199254740993');
    expect(account?.['createdAt']).toEqual(new Date('2026-03-01T08:00:00.000Z'));
    // A unique index restored is a unique index enforced.
    await expect(db(target, 'identity').collection('accounts').insertOne({ username: 'admin' })).rejects.toThrow();
  });

  it('refuses a tampered dump before it writes anything', async () => {
    const dir = await folder();
    const manifest = await backup({ mongoUrl: MONGO_URL, prefix: source, dir });
    const chunks = manifest.databases.find((d) => d.service === 'gateway')!.collections.find((c) => c.name === 'evidence.chunks')!;
    const file = join(dir, chunks.path);
    const original = await readFile(file);
    // One character of one file's bytes changed, the size kept.
    const at = original.indexOf('"base64":"') + 20;
    const tampered = Buffer.from(original);
    tampered[at] = tampered[at] === 0x41 ? 0x42 : 0x41;
    await writeFile(file, tampered);

    const target = prefix('tmp');
    const refused = restore({ mongoUrl: MONGO_URL, prefix: target, dir });
    await expect(refused).rejects.toThrow(BackupError);
    await expect(refused).rejects.toThrow(`gateway/evidence.chunks.jsonl is damaged: its SHA-256 is`);
    for (const service of SERVICE_DATABASES) {
      expect({ service, collections: await db(target, service).listCollections().toArray() }).toEqual({ service, collections: [] });
    }

    // A document taken out, with the checksum made to match, still disagrees with the count.
    await writeFile(file, original);
    const lines = original.toString('utf8').trimEnd().split('\n');
    const shorter = Buffer.from(lines.slice(1).join('\n') + '\n');
    await writeFile(file, shorter);
    const edited = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8'));
    const entry = edited.databases.find((d: { service: string }) => d.service === 'gateway').collections.find((c: { name: string }) => c.name === 'evidence.chunks');
    Object.assign(entry, { bytes: shorter.length, sha256: createHash('sha256').update(shorter).digest('hex') });
    await writeFile(join(dir, MANIFEST), JSON.stringify(edited));
    await expect(restore({ mongoUrl: MONGO_URL, prefix: target, dir })).rejects.toThrow('gateway/evidence.chunks.jsonl holds 3 documents, the manifest says 4');

    // An interrupted backup has no manifest.
    await rm(join(dir, MANIFEST));
    await expect(restore({ mongoUrl: MONGO_URL, prefix: target, dir })).rejects.toThrow('is missing: not a backup, or one that did not finish');
  });

  it('restores into fresh databases only, unless told to drop them; one database alone when asked', async () => {
    const dir = await folder();
    await backup({ mongoUrl: MONGO_URL, prefix: source, dir });
    const target = prefix('one');
    await db(target, 'planning').collection('left_over').insertOne({ stale: true });

    await expect(restore({ mongoUrl: MONGO_URL, prefix: target, dir, only: ['planning'] })).rejects.toThrow(
      `${target}planning is not empty (left_over): restore into fresh databases, or pass --drop to drop it first`,
    );
    await restore({ mongoUrl: MONGO_URL, prefix: target, dir, only: ['planning'], drop: true });
    expect(await contents(target, 'planning')).toEqual(await contents(source, 'planning'));
    expect(await db(target, 'identity').listCollections().toArray()).toEqual([]);

    await expect(restore({ mongoUrl: MONGO_URL, prefix: target, dir, only: ['audit'] })).rejects.toThrow('the backup holds no database of audit');
  });

  it('the command: exit 0 when done, 1 when refused, 2 on bad usage; PLATFORM_SLOT picks the launcher\'s databases', async () => {
    const dir = await folder();
    const quiet = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['backup', dir, '--prefix', source], { MONGO_URL })).toBe(0);
      expect(await main(['verify', dir], { MONGO_URL })).toBe(0);
      expect(await main(['backup', dir, '--prefix', source], { MONGO_URL })).toBe(1); // not an empty folder
      expect(await main(['restore', dir, '--prefix', source], { MONGO_URL })).toBe(1); // not fresh databases
      expect(await main(['restore'], { MONGO_URL })).toBe(2);
      expect(await main(['backup', dir, '--drop'], { MONGO_URL })).toBe(2);
      expect(await main(['restore', dir, '--no-such-option'], { MONGO_URL })).toBe(2);
    } finally {
      quiet.mockRestore();
    }
    expect(databasePrefix(undefined, { PLATFORM_SLOT: '4' })).toBe('slot4_');
    expect(databasePrefix(undefined, {})).toBe('');
    expect(databasePrefix('x_', { PLATFORM_SLOT: '4' })).toBe('x_');
  });
});
