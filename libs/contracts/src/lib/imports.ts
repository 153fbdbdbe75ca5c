/**
 * Spreadsheet imports (CSV or XLSX) of reference data by administrators. The gateway reads the
 * file and maps its header row to field names by these column titles; the service that owns the
 * data checks every row and reports each one it rejected.
 */
export const IMPORT_COLUMNS = {
  certificates: { code: '证书代码', name: '证书名称', organisation: '颁证机构', levels: '证书等级' },
  majors: { code: '专业代码', name: '专业名称', level: '专业层次' },
  colleges: { name: '院校名称', identificationCode: '学校标识码', province: '省份', city: '地市', type: '办学类型' },
} as const;

export type ImportKind = keyof typeof IMPORT_COLUMNS;
export type ImportFields<K extends ImportKind> = keyof (typeof IMPORT_COLUMNS)[K];

/** One data row: `row` is its line in the sheet (the header is line 1), `values` its cells by field. */
export interface ImportRow<K extends ImportKind = ImportKind> {
  row: number;
  values: Partial<Record<ImportFields<K>, string>>;
}

export interface ImportRequest<K extends ImportKind = ImportKind> {
  rows: ImportRow<K>[];
}

export interface RejectedRow {
  row: number;
  /** Why, in Chinese, as the console shows it. */
  reason: string;
}

export interface ImportReport {
  /** Data rows read from the file. */
  total: number;
  created: number;
  updated: number;
  /** Rows identical to what is stored already. */
  unchanged: number;
  rejected: RejectedRow[];
}

export const IMPORT_MAX_ROWS = 5000;
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
