import { IMPORT_MAX_ROWS, PlatformError } from '@pilot/contracts';

/** A data row of the sheet: `row` is its number as the sheet shows it. */
export interface ColumnRow<F extends string> {
  row: number;
  values: Record<F, string>;
}

/**
 * The data rows of a table under its header row (row 1, unless blank rows come first), each cell
 * under the field whose column title heads it (`columns` maps field → title, e.g.
 * IMPORT_COLUMNS.colleges). Titles and cells are trimmed; columns with other titles are ignored;
 * fully blank rows are skipped but still counted, so every row keeps the number the sheet shows.
 */
export function rowsByColumns<F extends string>(table: string[][], columns: Readonly<Record<F, string>>): ColumnRow<F>[] {
  const headerIndex = table.findIndex((cells) => !isBlank(cells));
  if (headerIndex < 0) throw new PlatformError('IMPORT_EMPTY');
  const header = table[headerIndex].map((title) => title.trim());

  const fields = Object.keys(columns) as F[];
  const missing = fields.filter((field) => !header.includes(columns[field])).map((field) => columns[field]);
  if (missing.length > 0) {
    throw new PlatformError('IMPORT_COLUMNS_MISSING', `表格缺少以下列：${missing.join('、')}，请按模板填写表头`, { missing });
  }
  // The first column of a title wins when a sheet repeats it.
  const positions = fields.map((field) => [field, header.indexOf(columns[field])] as const);

  const rows: ColumnRow<F>[] = [];
  for (let index = headerIndex + 1; index < table.length; index++) {
    const cells = table[index];
    if (isBlank(cells)) continue;
    if (rows.length === IMPORT_MAX_ROWS) throw new PlatformError('IMPORT_TOO_MANY_ROWS');
    const values = Object.fromEntries(positions.map(([field, position]) => [field, (cells[position] ?? '').trim()])) as Record<F, string>;
    rows.push({ row: index + 1, values });
  }
  if (rows.length === 0) throw new PlatformError('IMPORT_EMPTY');
  return rows;
}

function isBlank(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}
