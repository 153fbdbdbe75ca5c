import { EVIDENCE_CONTENT_TYPES } from '@pilot/contracts';
import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import { evidenceContentType } from './evidence-content';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

/** An OLE2 compound file header followed by a directory sector naming its streams. */
function ole2(...streamNames: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header);
  const entries = ['Root Entry', ...streamNames].map((name) => {
    const entry = Buffer.alloc(128);
    entry.write(name, 0, 'utf16le');
    entry.writeUInt16LE((name.length + 1) * 2, 64);
    return entry;
  });
  return Buffer.concat([header, ...entries]);
}

async function zip(files: Record<string, string>, comment?: string): Promise<Buffer> {
  const archive = new JSZip();
  for (const [name, text] of Object.entries(files)) archive.file(name, text);
  return archive.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', comment });
}

const docxParts = {
  '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  'word/document.xml': '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
};

/** The same archive with its end record pointing at a ZIP64 record, as some writers always do. */
function asZip64(archive: Buffer): Buffer {
  const end = archive.lastIndexOf(Buffer.from('504b0506', 'hex'));
  const entries = BigInt(archive.readUInt16LE(end + 10));
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeBigUInt64LE(entries, 24);
  record.writeBigUInt64LE(entries, 32);
  record.writeBigUInt64LE(BigInt(archive.readUInt32LE(end + 12)), 40);
  record.writeBigUInt64LE(BigInt(archive.readUInt32LE(end + 16)), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(end), 8);
  locator.writeUInt32LE(1, 16);
  const classic = Buffer.from(archive.subarray(end));
  classic.writeUInt16LE(0xffff, 8);
  classic.writeUInt16LE(0xffff, 10);
  classic.writeUInt32LE(0xffffffff, 12);
  classic.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([archive.subarray(0, end), record, locator, classic]);
}

describe('evidence files are judged by their content, not their name', () => {
  it('takes a PDF by its %PDF- header', () => {
    expect(evidenceContentType(pdf)).toBe(EVIDENCE_CONTENT_TYPES.pdf);
  });

  it('takes a Word 97-2003 document: an OLE2 file with a WordDocument stream', () => {
    expect(evidenceContentType(ole2('WordDocument', '1Table'))).toBe(EVIDENCE_CONTENT_TYPES.doc);
  });

  it('refuses other OLE2 files, such as an Excel 97-2003 workbook or an installer', () => {
    expect(evidenceContentType(ole2('Workbook'))).toBeUndefined();
    expect(evidenceContentType(ole2())).toBeUndefined();
  });

  it('takes a .docx: a ZIP archive with word/document.xml, also with an archive comment', async () => {
    expect(evidenceContentType(await zip(docxParts))).toBe(EVIDENCE_CONTENT_TYPES.docx);
    expect(evidenceContentType(await zip(docxParts, '由WPS生成'))).toBe(EVIDENCE_CONTENT_TYPES.docx);
  });

  it('finds word/document.xml through a ZIP64 end record too', async () => {
    expect(evidenceContentType(asZip64(await zip(docxParts)))).toBe(EVIDENCE_CONTENT_TYPES.docx);
  });

  it('refuses other ZIP archives: an XLSX workbook, a plain archive, one that merely mentions the Word part', async () => {
    const workbook = new Workbook();
    workbook.addWorksheet('表1').addRow(['word/document.xml']);
    expect(evidenceContentType(Buffer.from(await workbook.xlsx.writeBuffer()))).toBeUndefined();
    expect(evidenceContentType(await zip({ 'readme.txt': 'word/document.xml' }))).toBeUndefined();
  });

  it('refuses a truncated .docx whose central directory is gone', async () => {
    const archive = await zip(docxParts);
    expect(evidenceContentType(archive.subarray(0, archive.length - 30))).toBeUndefined();
  });

  it('refuses a program renamed .pdf, plain text, a picture and an empty file', () => {
    const program = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('This program cannot be run in DOS mode. %PDF-1.4')]);
    expect(evidenceContentType(program)).toBeUndefined();
    expect(evidenceContentType(Buffer.from('申报材料说明，这不是PDF', 'utf8'))).toBeUndefined();
    expect(evidenceContentType(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'))).toBeUndefined();
    expect(evidenceContentType(Buffer.alloc(0))).toBeUndefined();
    expect(evidenceContentType(Buffer.from('%PD'))).toBeUndefined();
  });
});
