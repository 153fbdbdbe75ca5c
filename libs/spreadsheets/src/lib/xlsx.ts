import { PlatformError } from '@pilot/contracts';
import { Workbook, type CellValue } from 'exceljs';

/** An XLSX file is a ZIP archive: its first bytes are a ZIP entry's signature. */
export function isZipArchive(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * The first worksheet of an XLSX workbook as rows of cell texts; index 0 is sheet row 1, and
 * blank rows in between are kept (as empty rows) so that row numbers stay the sheet's. A merged
 * cell gives its value to every cell it covers.
 */
export async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const workbook = new Workbook();
  try {
    // exceljs's declared Buffer type predates Node's generic Buffer<T>.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new PlatformError('IMPORT_FILE_INVALID');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new PlatformError('IMPORT_FILE_INVALID');

  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) {
      const cell = row.getCell(column);
      cells.push(valueText(cell.value, cell.numFmt));
    }
    while (table.length < rowNumber - 1) table.push([]);
    table.push(cells);
  });
  // Rows of cells that hold only spaces end a sheet as well as empty ones do.
  while (table.length > 0 && table[table.length - 1].every((text) => text.trim() === '')) table.pop();
  return table;
}

/** A cell's text as the sheet shows it, as far as it matters for reference data. */
function valueText(value: CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return valueText(value.text as CellValue, numFmt);
  if ('error' in value) return value.error;
  if ('result' in value) return valueText(value.result as CellValue, numFmt);
  return '';
}

/**
 * Codes are often typed as numbers: a format of zeros (`000000`) keeps their leading zeros, and
 * long integers must not turn into exponents. Otherwise Excel's General shows 15 significant digits.
 */
function numberText(value: number, numFmt: string | undefined): string {
  const format = numFmt?.trim() ?? '';
  if (/^0+$/.test(format)) return Math.round(value).toFixed(0).padStart(format.length, '0');
  const decimals = /^0\.(0+)$/.exec(format);
  if (decimals) return value.toFixed(decimals[1].length);
  const percent = /^0(?:\.(0+))?%$/.exec(format);
  if (percent) return `${(value * 100).toFixed(percent[1]?.length ?? 0)}%`;
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  return String(Number(value.toPrecision(15)));
}

/** exceljs gives a date's wall-clock time in UTC fields; a time of day alone sits on 1899-12-30. */
function dateText(date: Date): string {
  const iso = date.toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  if (day === '1899-12-30') return time;
  return time === '00:00:00' ? day : `${day} ${time}`;
}
