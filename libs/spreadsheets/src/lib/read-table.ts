import { PlatformError } from '@pilot/contracts';
import { decodeCsvText, parseCsv } from './csv';
import { isZipArchive, readXlsx } from './xlsx';

const WORKBOOK_EXTENSIONS = /\.(xlsx|xlsm|xls)$/i;

/**
 * The cells of an uploaded table, row by row (index 0 is row 1), as text. The content decides
 * the format: a ZIP archive is read as an XLSX workbook (its first worksheet), anything else as
 * CSV text. A file named as a workbook that is not one (an old binary .xls, a renamed picture)
 * is refused rather than read as text. Throws IMPORT_FILE_INVALID for whatever cannot be read.
 */
export async function readTable(bytes: Buffer, fileName: string): Promise<string[][]> {
  if (isZipArchive(bytes)) return readXlsx(bytes);
  if (WORKBOOK_EXTENSIONS.test(fileName.trim())) throw new PlatformError('IMPORT_FILE_INVALID');
  return parseCsv(decodeCsvText(bytes));
}
