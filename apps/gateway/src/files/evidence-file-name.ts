import { EVIDENCE_EXTENSIONS, type EvidenceContentType } from './evidence-content';

const LONGEST_NAME = 200;
/** Control characters, and format characters such as the right-to-left override that makes "fdp.exe" look like "exe.pdf". */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

/**
 * The name an evidence file is kept and offered for download under: the uploader's, without any
 * folder part or invisible characters, at most 200 characters with its extension kept.
 */
export function evidenceFileName(uploaded: string, contentType: EvidenceContentType): string {
  const name = (uploaded.split(/[/\\]/).pop() ?? '').replace(INVISIBLE, '').trim();
  if (!name) return `佐证材料${EVIDENCE_EXTENSIONS[contentType]}`;
  const characters = Array.from(name);
  if (characters.length <= LONGEST_NAME) return name;
  const extension = /\.[A-Za-z0-9]{1,10}$/.exec(name)?.[0] ?? '';
  return `${characters.slice(0, LONGEST_NAME - extension.length).join('').trimEnd()}${extension}`;
}
