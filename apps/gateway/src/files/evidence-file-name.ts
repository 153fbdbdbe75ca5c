import { EVIDENCE_EXTENSIONS, type EvidenceContentType } from './evidence-content';

export const LONGEST_NAME = 100;
/** Control characters, and format characters such as the right-to-left override that makes "fdp.exe" look like "exe.pdf". */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
/** What a file manager takes for the type: a trailing ".xyz" with a letter in it ("版本1.2" has none). */
const EXTENSION = /\.(?=[0-9]*[A-Za-z])[A-Za-z0-9]{1,10}$/;

/**
 * The name an evidence file is kept and offered for download under: the uploader's, without any
 * folder part or invisible characters, ending in the extension of its content whatever the
 * uploader's said (a PDF named poly.html is poly.pdf, so no browser or file manager opens it as
 * a page), at most 100 characters. Applying it again changes nothing, so names kept before
 * these rules are shown by them too.
 */
export function evidenceFileName(uploaded: string, contentType: EvidenceContentType): string {
  const extension = EVIDENCE_EXTENSIONS[contentType];
  const name = (uploaded.split(/[/\\]/).pop() ?? '').replace(INVISIBLE, '').trim();
  const stem = name.replace(EXTENSION, '').trimEnd() || '佐证材料';
  return `${Array.from(stem).slice(0, LONGEST_NAME - extension.length).join('').trimEnd()}${extension}`;
}
