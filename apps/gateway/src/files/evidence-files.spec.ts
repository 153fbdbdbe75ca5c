import { EVIDENCE_CONTENT_TYPES, MAX_EVIDENCE_FILES, PlatformError, type Actor } from '@pilot/contracts';
import { FileBuckets } from '@pilot/store';
import { storeFor, testDatabaseName } from '@pilot/store/testing';
import type { Connection } from 'mongoose';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EvidenceFiles, type EvidenceOwner } from './evidence-files.service';

const college = (collegeId: string): Actor => ({ accountId: `account-${collegeId}`, username: collegeId, role: 'college', collegeId, provinceCode: '370000', cityCode: '370100' });
const jinan: EvidenceOwner = { collegeId: 'college-jinan', provinceCode: '370000', cityCode: '370100', uploadedBy: 'account-college-jinan' };
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`, 'latin1');

async function codeOf(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work;
  } catch (err) {
    return err instanceof PlatformError ? err.code : String(err);
  }
  return undefined;
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('evidence files in the GridFS bucket of the real store', () => {
  let connection: Connection;
  let files: EvidenceFiles;

  beforeAll(async () => {
    connection = await storeFor(testDatabaseName('evidence_files_test'));
    files = new EvidenceFiles(new FileBuckets(connection));
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  const store = (text: string, owner = jinan, originalname = `${text}.pdf`) => files.store(owner, { originalname, size: 0, buffer: pdf(text) });

  it('keeps the bytes with their owner, type and checksum, and gives them back whole', async () => {
    const bytes = pdf('师资情况');
    const stored = await files.store(jinan, { originalname: '师资情况.pdf', size: bytes.length, buffer: bytes });
    expect(stored).toEqual({ fileId: expect.stringMatching(/^[0-9a-f]{24}$/), name: '师资情况.pdf', size: bytes.length, contentType: EVIDENCE_CONTENT_TYPES.pdf });

    const kept = await connection.collection('evidence.files').findOne();
    expect(kept?.['metadata']).toEqual({ ...jinan, contentType: EVIDENCE_CONTENT_TYPES.pdf, sha256: createHash('sha256').update(bytes).digest('hex') });
    const download = await files.open(college(jinan.collegeId), stored.fileId);
    expect(await bytesOf(download.content)).toEqual(bytes);
  });

  it('keeps a file under a name that ends in the extension of its content, at most 100 characters', async () => {
    const bytes = pdf('伪装');
    const stored = await files.store(jinan, { originalname: `${'x'.repeat(300)}poly.html`, size: bytes.length, buffer: bytes });
    expect(stored.name).toBe(`${'x'.repeat(96)}.pdf`);
    expect((await files.open(college(jinan.collegeId), stored.fileId)).name).toBe(stored.name);
  });

  it('offers a file kept under its uploader’s name before that rule by the rule too, for download and in applications', async () => {
    const bytes = pdf('旧文件');
    const upload = new FileBuckets(connection).bucket('evidence').openUploadStream('poly.html', { metadata: { ...jinan, contentType: EVIDENCE_CONTENT_TYPES.pdf, sha256: 'x' } });
    await pipeline(Readable.from([bytes]), upload);
    const fileId = String(upload.id);
    expect((await files.open(college(jinan.collegeId), fileId)).name).toBe('poly.pdf');
    expect(await files.describeOwned(college(jinan.collegeId), [fileId])).toEqual([{ fileId, name: 'poly.pdf', size: bytes.length, contentType: EVIDENCE_CONTENT_TYPES.pdf }]);
  });

  it('refuses what is not PDF or Word, whatever its name', async () => {
    const program = Buffer.from('MZ\x90\x00 not really a pdf', 'latin1');
    expect(await codeOf(files.store(jinan, { originalname: '申报书.pdf', size: program.length, buffer: program }))).toBe('FILE_TYPE_NOT_ALLOWED');
  });

  it('lets the college and the reviewers of its province or city read a file, and tells anyone else it does not exist', async () => {
    const { fileId } = await store('场地照片');
    const reviewer = (role: Actor['role'], provinceCode: string, cityCode?: string): Actor => ({ accountId: 'r', username: 'r', role, provinceCode, cityCode });
    for (const reader of [college(jinan.collegeId), reviewer('province_reviewer', '370000'), reviewer('city_reviewer', '370000', '370100')]) {
      expect((await files.open(reader, fileId)).name).toBe('场地照片.pdf');
    }
    for (const stranger of [
      college('college-qingdao'),
      reviewer('province_reviewer', '440000'),
      reviewer('city_reviewer', '370000', '370200'),
      { accountId: 'a', username: 'admin', role: 'admin' } as Actor,
    ]) {
      expect(await codeOf(files.open(stranger, fileId))).toBe('FILE_NOT_FOUND');
    }
    expect(await codeOf(files.open(college(jinan.collegeId), '0123456789abcdef01234567'))).toBe('FILE_NOT_FOUND');
    expect(await codeOf(files.open(college(jinan.collegeId), 'not-an-id'))).toBe('FILE_NOT_FOUND');
  });

  describe('named by an application', () => {
    it('are described in the order given, each once, however the ids are written', async () => {
      const first = await store('第一份');
      const second = await store('第二份');
      const described = await files.describeOwned(college(jinan.collegeId), [second.fileId, first.fileId.toUpperCase(), second.fileId]);
      expect(described).toEqual([second, first]);
      expect(await files.describeOwned(college(jinan.collegeId), [])).toEqual([]);
    });

    it('must all have been uploaded by the same college', async () => {
      const own = await store('本校材料');
      const foreign = await store('他校材料', { ...jinan, collegeId: 'college-qingdao', uploadedBy: 'account-college-qingdao' });
      const actor = college(jinan.collegeId);
      expect(await codeOf(files.describeOwned(actor, [own.fileId, foreign.fileId]))).toBe('FILE_NOT_FOUND');
      expect(await codeOf(files.describeOwned(actor, [own.fileId, '0123456789abcdef01234567']))).toBe('FILE_NOT_FOUND');
      expect(await codeOf(files.describeOwned(actor, [own.fileId, '../etc/passwd']))).toBe('FILE_NOT_FOUND');
      expect(await codeOf(files.describeOwned({ accountId: 'r', username: 'r', role: 'province_reviewer', provinceCode: '370000' }, [own.fileId]))).toBe('FILE_NOT_FOUND');
    });

    it(`are at most ${MAX_EVIDENCE_FILES}`, async () => {
      const ids = Array.from({ length: MAX_EVIDENCE_FILES + 1 }, (_, index) => index.toString(16).padStart(24, '0'));
      expect(await codeOf(files.describeOwned(college(jinan.collegeId), ids))).toBe('VALIDATION_FAILED');
    });
  });
});
