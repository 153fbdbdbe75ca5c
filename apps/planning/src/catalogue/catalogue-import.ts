import { IMPORT_COLUMNS, IMPORT_MAX_ROWS, PlatformError, type ImportReport, type ImportRow, type RejectedRow } from '@pilot/contracts';
import type { Repository } from '@pilot/store';

/** The catalogues planning owns; both are written by code, from demo data or an administrator's sheet. */
export type CatalogueKind = 'certificates' | 'majors';
type Columns<K extends CatalogueKind> = (typeof IMPORT_COLUMNS)[K];
/** A row's cells by field, trimmed, with the code in upper case; a missing cell is ''. */
export type CatalogueCells<K extends CatalogueKind> = Record<keyof Columns<K>, string> & { code: string };

/** An entry as written; its code is also the record's `_id`, so references survive re-imports. */
export interface CatalogueEntry {
  code: string;
}

type CatalogueRecord<T extends CatalogueEntry> = T & { _id: string; demo: boolean };

/** A catalogue's repository; the entry types of the two catalogues differ, the writes do not. */
export type CatalogueRepository = Repository<any>;

/** What one row's cells give: the entry, or why the row is refused (in Chinese, as the console shows it). */
export type RowReading<T> = { entry: T } | { reason: string };

export interface AcceptedRow<T> {
  row: number;
  entry: T;
}

export interface SaveCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface CatalogueImport<K extends CatalogueKind, T extends CatalogueEntry> {
  kind: K;
  catalogue: CatalogueRepository;
  readRow: (cells: CatalogueCells<K>) => RowReading<T>;
  /** Checks that need the store or the whole file, made after each row's own; gives the rows it refuses. */
  conflicts?: (accepted: AcceptedRow<T>[]) => Promise<RejectedRow[]>;
}

/**
 * An administrator's import: every row is checked and each refused one reported with its reason;
 * the others are written by code, and imported entries are no longer demo data.
 */
export async function importCatalogue<K extends CatalogueKind, T extends CatalogueEntry>(
  spec: CatalogueImport<K, T>,
  rows: ImportRow<K>[] | undefined,
): Promise<ImportReport> {
  if (!Array.isArray(rows) || rows.length === 0) throw new PlatformError('IMPORT_EMPTY');
  if (rows.length > IMPORT_MAX_ROWS) throw new PlatformError('IMPORT_TOO_MANY_ROWS');
  const { accepted, rejected } = checkRows(spec.kind, rows, spec.readRow);
  const conflicting = spec.conflicts ? await spec.conflicts(accepted) : [];
  const conflictingRows = new Set(conflicting.map((refused) => refused.row));
  const counts = await saveCatalogueEntries(
    spec.catalogue,
    accepted.filter((candidate) => !conflictingRows.has(candidate.row)).map((candidate) => candidate.entry),
    false,
  );
  return { total: rows.length, ...counts, rejected: [...rejected, ...conflicting].sort((a, b) => a.row - b.row) };
}

/**
 * Writes entries by code and tells what each write did (`unchanged`: every field already so).
 * Demo data never overwrites an entry an administrator imported, which counts as unchanged.
 */
export async function saveCatalogueEntries<T extends CatalogueEntry>(catalogue: CatalogueRepository, entries: T[], demo: boolean): Promise<SaveCounts> {
  const found = (await catalogue.find({ _id: { $in: entries.map((entry) => entry.code) } })) as unknown as CatalogueRecord<T>[];
  const stored = new Map(found.map((record) => [record._id, record]));
  const counts: SaveCounts = { created: 0, updated: 0, unchanged: 0 };
  const writes: { filter: { _id: string }; set: T & { demo: boolean } }[] = [];
  for (const entry of entries) {
    const record = stored.get(entry.code);
    const keepsImport = demo && record !== undefined && !record.demo;
    if (record && (keepsImport || (record.demo === demo && sameFields(record, entry)))) {
      counts.unchanged += 1;
      continue;
    }
    counts[record ? 'updated' : 'created'] += 1;
    writes.push({ filter: { _id: entry.code }, set: { ...entry, demo } });
  }
  await catalogue.upsertMany(writes);
  return counts;
}

/** Each row on its own: every column filled, no code a row above already gave, then the kind's own checks. */
function checkRows<K extends CatalogueKind, T extends CatalogueEntry>(
  kind: K,
  rows: ImportRow<K>[],
  readRow: (cells: CatalogueCells<K>) => RowReading<T>,
): { accepted: AcceptedRow<T>[]; rejected: RejectedRow[] } {
  const columns = IMPORT_COLUMNS[kind] as Record<keyof Columns<K>, string> & { code: string };
  const fields = Object.keys(columns) as (keyof Columns<K>)[];
  const accepted: AcceptedRow<T>[] = [];
  const rejected: RejectedRow[] = [];
  // Rows refused for another reason still claim their code: the later copy is the one to point at.
  const firstRowOfCode = new Map<string, number>();
  for (const { row, values } of rows) {
    const cells = Object.fromEntries(fields.map((field) => [field, cellText(values?.[field])])) as CatalogueCells<K>;
    const missing = fields.filter((field) => cells[field] === '');
    const code = cells.code.toUpperCase();
    const earlierRow = code ? firstRowOfCode.get(code) : undefined;
    if (code && earlierRow === undefined) firstRowOfCode.set(code, row);
    if (missing.length > 0) {
      rejected.push({ row, reason: `缺少${missing.map((field) => `“${columns[field]}”`).join('、')}` });
    } else if (earlierRow !== undefined) {
      rejected.push({ row, reason: `${columns.code}“${code}”与第${earlierRow}行重复` });
    } else {
      const reading = readRow({ ...cells, code });
      if ('reason' in reading) rejected.push({ row, reason: reading.reason });
      else accepted.push({ row, entry: reading.entry });
    }
  }
  return { accepted, rejected };
}

function cellText(value: unknown): string {
  return value === undefined || value === null ? '' : String(value).trim();
}

function sameFields<T extends CatalogueEntry>(record: CatalogueRecord<T>, entry: T): boolean {
  return (Object.keys(entry) as (keyof T)[]).every((field) => JSON.stringify(record[field]) === JSON.stringify(entry[field]));
}
