import { IMPORT_COLUMNS, IMPORT_MAX_ROWS, PlatformError } from '@pilot/contracts';
import { rowsByColumns } from './rows-by-columns';

const columns = IMPORT_COLUMNS.majors;

function errorOf(run: () => unknown): PlatformError | undefined {
  try {
    run();
  } catch (err) {
    if (err instanceof PlatformError) return err;
    throw err;
  }
  return undefined;
}

describe('rows of an import by their column titles', () => {
  it('puts each cell under the field its column title names, in any column order', () => {
    const table = [
      ['专业名称', '专业层次', '专业代码'],
      ['数控技术', '高职专科', '460103'],
    ];
    expect(rowsByColumns(table, columns)).toEqual([{ row: 2, values: { code: '460103', name: '数控技术', level: '高职专科' } }]);
  });

  it('trims titles and cells, and ignores columns it does not know', () => {
    const table = [
      [' 专业代码 ', '备注', '专业名称\u3000', '专业层次'],
      ['  460103', '旧专业', ' 数控技术 ', '高职专科'],
    ];
    expect(rowsByColumns(table, columns)).toEqual([{ row: 2, values: { code: '460103', name: '数控技术', level: '高职专科' } }]);
  });

  it('gives an empty text for a cell the row does not reach', () => {
    const table = [['专业代码', '专业名称', '专业层次'], ['460103']];
    expect(rowsByColumns(table, columns)[0].values).toEqual({ code: '460103', name: '', level: '' });
  });

  it('skips blank lines but numbers every row as the sheet does, the header being row 1', () => {
    const table = [['专业代码', '专业名称', '专业层次'], ['460103', '数控技术', '高职专科'], [''], [], [' ', ''], ['460104', '', '']];
    expect(rowsByColumns(table, columns).map((row) => row.row)).toEqual([2, 6]);
  });

  it('names the missing column titles', () => {
    const error = errorOf(() => rowsByColumns([['专业代码', '名称'], ['460103', '数控技术']], columns));
    expect(error?.code).toBe('IMPORT_COLUMNS_MISSING');
    expect(error?.details).toEqual({ missing: ['专业名称', '专业层次'] });
    expect(error?.message).toContain('专业名称、专业层次');
  });

  it('refuses a sheet with a header but no data row', () => {
    expect(errorOf(() => rowsByColumns([['专业代码', '专业名称', '专业层次'], ['', '']], columns))?.code).toBe('IMPORT_EMPTY');
  });

  it('refuses an empty sheet', () => {
    expect(errorOf(() => rowsByColumns([], columns))?.code).toBe('IMPORT_EMPTY');
  });

  it(`takes up to ${IMPORT_MAX_ROWS} data rows and refuses more`, () => {
    const header = ['专业代码', '专业名称', '专业层次'];
    const rows = (count: number) => [header, ...Array.from({ length: count }, (_, i) => [String(i), '专业', '中职'])];
    expect(rowsByColumns(rows(IMPORT_MAX_ROWS), columns)).toHaveLength(IMPORT_MAX_ROWS);
    expect(errorOf(() => rowsByColumns(rows(IMPORT_MAX_ROWS + 1), columns))?.code).toBe('IMPORT_TOO_MANY_ROWS');
  });
});
