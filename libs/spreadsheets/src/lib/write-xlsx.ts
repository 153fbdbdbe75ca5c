import { Workbook } from 'exceljs';

export interface SheetColumn<Row> {
  title: string;
  width?: number;
  value: (row: Row) => string | number | undefined;
}

/** One worksheet with a bold, frozen header row and a column per `columns`, as an XLSX file. */
export async function toXlsx<Row>(sheetName: string, columns: SheetColumn<Row>[], rows: Row[]): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: column.title, width: column.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((column) => column.value(row) ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
