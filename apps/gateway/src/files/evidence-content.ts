import { EVIDENCE_CONTENT_TYPES } from '@pilot/contracts';
import { zipEntryNames } from './zip-entries';

export type EvidenceContentType = (typeof EVIDENCE_CONTENT_TYPES)[keyof typeof EVIDENCE_CONTENT_TYPES];

const PDF_SIGNATURE = Buffer.from('%PDF-', 'latin1');
const OLE2_SIGNATURE = Buffer.from('d0cf11e0a1b11ae1', 'hex');
const ZIP_SIGNATURE = Buffer.from('504b0304', 'hex');
/** Every Word 97-2003 document has a stream of this name; the directory stores names in UTF-16LE. */
const WORD_STREAM_NAME = Buffer.from('WordDocument', 'utf16le');
const WORD_MAIN_PART = 'word/document.xml';

/**
 * What an evidence file is, judged by its bytes rather than its name: a PDF, a Word 97-2003
 * document or a Word document (.docx); undefined for anything else. An OLE2 container is also
 * what Excel, PowerPoint and Windows installers use, and a ZIP could be any archive, so both are
 * looked into for the part that makes them Word.
 */
export function evidenceContentType(bytes: Buffer): EvidenceContentType | undefined {
  if (startsWith(bytes, PDF_SIGNATURE)) return EVIDENCE_CONTENT_TYPES.pdf;
  if (startsWith(bytes, OLE2_SIGNATURE) && bytes.includes(WORD_STREAM_NAME)) return EVIDENCE_CONTENT_TYPES.doc;
  if (startsWith(bytes, ZIP_SIGNATURE) && zipEntryNames(bytes)?.includes(WORD_MAIN_PART)) return EVIDENCE_CONTENT_TYPES.docx;
  return undefined;
}

/** The file name extension that goes with each kind of content. */
export const EVIDENCE_EXTENSIONS: Record<EvidenceContentType, string> = {
  [EVIDENCE_CONTENT_TYPES.pdf]: '.pdf',
  [EVIDENCE_CONTENT_TYPES.doc]: '.doc',
  [EVIDENCE_CONTENT_TYPES.docx]: '.docx',
};

function startsWith(bytes: Buffer, signature: Buffer): boolean {
  return bytes.length >= signature.length && bytes.subarray(0, signature.length).equals(signature);
}
