import { Workbook } from 'exceljs';

/** The first worksheet of a downloaded XLSX file as rows of cell texts, the header row first. */
export async function sheetRows(bytes: Buffer): Promise<string[][]> {
  const workbook = new Workbook();
  // exceljs's declared Buffer type predates Node's generic Buffer<T>.
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const rows: string[][] = [];
  workbook.worksheets[0]?.eachRow((row) => {
    // exceljs counts cells from 1, and leaves empty cells out of the array.
    rows.push(Array.from((row.values as unknown[]).slice(1), (value) => (value === undefined || value === null ? '' : String(value))));
  });
  return rows;
}
