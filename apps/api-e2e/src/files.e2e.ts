import { EVIDENCE_CONTENT_TYPES, MAX_EVIDENCE_FILE_BYTES } from '@pilot/contracts';
import { API_URL, createReviewer, download, freshPassword, passwordReplaced, registerCollege, uniqueName, upload, type ReviewerToCreate } from '@pilot/test-kit';
import JSZip from 'jszip';

const pdfBytes = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n'),
  'latin1',
);

/** The start of a Word 97-2003 file: the OLE2 header, then a directory naming the WordDocument stream. */
function docBytes(): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header);
  const entries = ['Root Entry', 'WordDocument'].map((name) => {
    const entry = Buffer.alloc(128);
    entry.write(name, 0, 'utf16le');
    entry.writeUInt16LE((name.length + 1) * 2, 64);
    return entry;
  });
  return Buffer.concat([header, ...entries]);
}

async function docxBytes(): Promise<Buffer> {
  const archive = new JSZip();
  archive.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  archive.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>场地情况</w:t></w:r></w:p></w:body></w:document>');
  return archive.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const asPdf = (name: string, bytes: Buffer = pdfBytes) => ({ name, bytes, type: 'application/pdf' });

describe('evidence files (其他佐证材料)', () => {
  let college: Awaited<ReturnType<typeof registerCollege>>;
  let collegeToken: string;
  let otherCollegeToken: string;

  /** A signed-in reviewer, made for this run. */
  async function reviewerToken(scope: Omit<ReviewerToCreate, 'username' | 'password'>): Promise<string> {
    const account = { ...scope, username: uniqueName('files'), password: freshPassword() };
    await createReviewer(account);
    return (await passwordReplaced(account.username, account.password)).token;
  }

  beforeAll(async () => {
    college = await registerCollege('370000');
    collegeToken = (await passwordReplaced(college.username, college.password)).token;
    const other = await registerCollege('370000');
    otherCollegeToken = (await passwordReplaced(other.username, other.password)).token;
  });

  const uploadAsCollege = (file: Parameters<typeof upload>[1]) => upload('/files', file, collegeToken);

  it('takes a PDF, a .docx and a .doc from a college, judging the type by the content', async () => {
    const pdf = await uploadAsCollege(asPdf('师资情况说明.pdf'));
    expect(pdf.status).toBe(201);
    expect(pdf.body).toEqual({ fileId: expect.stringMatching(/^[0-9a-f]{24}$/), name: '师资情况说明.pdf', size: pdfBytes.length, contentType: EVIDENCE_CONTENT_TYPES.pdf });

    const docx = await uploadAsCollege({ name: '场地情况.docx', bytes: await docxBytes() });
    expect(docx.status).toBe(201);
    expect(docx.body).toEqual(expect.objectContaining({ name: '场地情况.docx', contentType: EVIDENCE_CONTENT_TYPES.docx }));

    const doc = await uploadAsCollege({ name: '合作协议.doc', bytes: docBytes(), type: 'application/msword' });
    expect(doc.status).toBe(201);
    expect(doc.body).toEqual(expect.objectContaining({ name: '合作协议.doc', contentType: EVIDENCE_CONTENT_TYPES.doc }));
  });

  it('refuses a program renamed .pdf and a text file', async () => {
    const program = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('This program cannot be run in DOS mode.')]);
    const renamed = await uploadAsCollege(asPdf('申报书.pdf', program));
    expect(renamed.status).toBe(400);
    expect(renamed.body).toEqual({ code: 'FILE_TYPE_NOT_ALLOWED', message: expect.any(String) });

    const text = await uploadAsCollege({ name: '说明.txt', bytes: Buffer.from('这是一段文字', 'utf8'), type: 'text/plain' });
    expect([text.status, text.body.code]).toEqual([400, 'FILE_TYPE_NOT_ALLOWED']);
  });

  it('refuses a file over the size limit, a form without a file and a broken form', async () => {
    const tooLarge = await uploadAsCollege(asPdf('大文件.pdf', Buffer.concat([pdfBytes, Buffer.alloc(MAX_EVIDENCE_FILE_BYTES, 0x20)])));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toEqual({ code: 'FILE_TOO_LARGE', message: expect.any(String) });

    const none = await uploadAsCollege(undefined);
    expect(none.status).toBe(400);
    expect(none.body).toEqual(expect.objectContaining({ code: 'VALIDATION_FAILED', details: { fields: { file: [expect.any(String)] } } }));

    const broken = await fetch(`${API_URL}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${collegeToken}`, 'content-type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-unfinished',
    });
    expect(broken.status).toBe(400);
  });

  it('gives the college its file back byte for byte, as a download under its Chinese name', async () => {
    const { fileId } = (await uploadAsCollege(asPdf('师资情况说明.pdf'))).body;
    const file = await download(`/files/${fileId}`, collegeToken);
    expect(file.status).toBe(200);
    expect(file.bytes.equals(pdfBytes)).toBe(true);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-length')).toBe(String(pdfBytes.length));
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="______.pdf"; filename*=UTF-8''${encodeURIComponent('师资情况说明.pdf')}`);
  });

  describe('are read only by the college and the reviewers of its province or city', () => {
    let fileId: string;

    beforeAll(async () => {
      fileId = (await uploadAsCollege(asPdf('场地照片.pdf'))).body.fileId;
    });

    const statusFor = async (token: string) => (await download(`/files/${fileId}`, token)).status;

    it('lets a province reviewer of the same province read it, and not one of another province', async () => {
      expect(await statusFor(await reviewerToken({ role: 'province_reviewer', provinceCode: '370000' }))).toBe(200);
      expect(await statusFor(await reviewerToken({ role: 'province_reviewer', provinceCode: '440000' }))).toBe(404);
    });

    it("lets a city reviewer of the college's city read it, and not one of another city", async () => {
      const cityCode = college.college.cityCode;
      const otherCity = cityCode === '370200' ? '370100' : '370200';
      expect(await statusFor(await reviewerToken({ role: 'city_reviewer', provinceCode: '370000', cityCode }))).toBe(200);
      expect(await statusFor(await reviewerToken({ role: 'city_reviewer', provinceCode: '370000', cityCode: otherCity }))).toBe(404);
    });

    it('tells another college it does not exist, as for an unknown or malformed id', async () => {
      const answer = await download(`/files/${fileId}`, otherCollegeToken);
      expect(answer.status).toBe(404);
      expect(JSON.parse(answer.bytes.toString('utf8'))).toEqual({ code: 'FILE_NOT_FOUND', message: expect.any(String) });
      for (const id of ['0123456789abcdef01234567', 'not-an-id']) {
        expect(JSON.parse((await download(`/files/${id}`, collegeToken)).bytes.toString('utf8')).code).toBe('FILE_NOT_FOUND');
      }
    });

    it('asks for a sign-in first', async () => {
      expect((await download(`/files/${fileId}`)).status).toBe(401);
      expect((await upload('/files', asPdf('a.pdf'))).status).toBe(401);
    });
  });

  it('are uploaded by colleges only', async () => {
    const reviewer = await reviewerToken({ role: 'province_reviewer', provinceCode: '370000' });
    const answer = await upload('/files', asPdf('a.pdf'), reviewer);
    expect([answer.status, answer.body.code]).toEqual([403, 'FORBIDDEN']);
  });
});
