import { PlatformError } from '@pilot/contracts';

/**
 * The text of a CSV file. Excel saves "CSV UTF-8" with a BOM, but plain "CSV" in the system's
 * code page, which in China is GBK (a subset of GB18030): bytes that are not valid UTF-8 are
 * read as GB18030. Text never holds NUL bytes, so bytes that do are not a CSV at all.
 */
export function decodeCsvText(bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new PlatformError('IMPORT_FILE_INVALID');
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      // The UTF-8 decoder drops a leading BOM by itself.
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      // Not this encoding: try the next one.
    }
  }
  throw new PlatformError('IMPORT_FILE_INVALID');
}

/**
 * Records and fields of CSV text as RFC 4180 and Excel write it: fields separated by commas,
 * records by CRLF, LF or CR; a field that starts with a double quote runs to the matching quote
 * and may hold commas, line breaks and doubled quotes. A blank line is a record of one empty
 * field, so that record numbers stay the row numbers a spreadsheet shows.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  let i = 0;

  const endField = () => {
    record.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };

  while (i < text.length) {
    const char = text[i];
    if (quoted) {
      if (char !== '"') {
        field += char;
      } else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else {
        quoted = false;
      }
    } else if (char === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (char === ',') {
      endField();
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else {
      // Text after a closing quote, or a quote inside an unquoted field, is kept as written (as Excel does).
      field += char;
      fieldStarted = true;
    }
    i++;
  }
  // A quote left open would have swallowed the rest of the file into one cell.
  if (quoted) throw new PlatformError('IMPORT_FILE_INVALID');
  if (fieldStarted || field || record.length > 0) endRecord();
  return records;
}

/**
 * CSV bytes Excel opens correctly in China: UTF-8 with a BOM (without it Excel reads the bytes
 * as GBK and shows Chinese garbled), CRLF line ends, and quotes around cells that need them.
 */
export function toCsv(rows: readonly (readonly string[])[]): Buffer {
  const text = rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n');
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}

function csvCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
