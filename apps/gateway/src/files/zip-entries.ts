const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END_OF_CENTRAL_DIRECTORY = 0x06064b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
/** The end record is 22 bytes plus a comment of at most 65535. */
const END_RECORD_SIZE = 22;
const LONGEST_COMMENT = 0xffff;

interface CentralDirectory {
  offset: number;
  entries: number;
}

/**
 * The names a ZIP archive lists in its central directory, read without inflating anything;
 * undefined when the bytes are not a well-formed archive. Enough to tell what an Office file is.
 */
export function zipEntryNames(bytes: Buffer): string[] | undefined {
  const directory = centralDirectoryOf(bytes);
  if (!directory) return undefined;
  const names: string[] = [];
  let at = directory.offset;
  for (let index = 0; index < directory.entries; index++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_DIRECTORY_ENTRY) return undefined;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    if (at + 46 + nameLength > bytes.length) return undefined;
    names.push(bytes.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function centralDirectoryOf(bytes: Buffer): CentralDirectory | undefined {
  const end = endRecordOffset(bytes);
  if (end === undefined) return undefined;
  const entries = bytes.readUInt16LE(end + 10);
  const offset = bytes.readUInt32LE(end + 16);
  if (entries !== 0xffff && offset !== 0xffffffff) return { offset, entries };
  return zip64CentralDirectoryOf(bytes, end);
}

function endRecordOffset(bytes: Buffer): number | undefined {
  const earliest = Math.max(0, bytes.length - END_RECORD_SIZE - LONGEST_COMMENT);
  for (let at = bytes.length - END_RECORD_SIZE; at >= earliest; at--) {
    if (bytes.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  return undefined;
}

/** Archives written by some tools mark the classic fields as "see the ZIP64 record". */
function zip64CentralDirectoryOf(bytes: Buffer, end: number): CentralDirectory | undefined {
  const locator = end - 20;
  if (locator < 0 || bytes.readUInt32LE(locator) !== ZIP64_END_LOCATOR) return undefined;
  const record = Number(bytes.readBigUInt64LE(locator + 8));
  if (record + 56 > bytes.length || bytes.readUInt32LE(record) !== ZIP64_END_OF_CENTRAL_DIRECTORY) return undefined;
  return { entries: Number(bytes.readBigUInt64LE(record + 32)), offset: Number(bytes.readBigUInt64LE(record + 48)) };
}
