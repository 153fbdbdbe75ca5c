import { IMPORT_COLUMNS, MAJOR_LEVELS, type MajorLevel } from '@pilot/contracts';
import type { CatalogueCells, RowReading } from '../catalogue/catalogue-import';

export interface MajorEntry {
  code: string;
  name: string;
  level: MajorLevel;
}

const COLUMNS = IMPORT_COLUMNS.majors;
/** Digits; undergraduate majors may end in T (特设) or K (国家控制布点), as 080910T. */
export const MAJOR_CODE = /^\d{4,10}(?:T|K|TK)?$/;
const NAME_MAX = 50;

/** One sheet row of the major catalogue, checked on its own. */
export function readMajorRow(cells: CatalogueCells<'majors'>): RowReading<MajorEntry> {
  if (!MAJOR_CODE.test(cells.code)) return { reason: `${COLUMNS.code}“${cells.code}”格式不正确，应为4-10位数字（本科专业可带T或K后缀）` };
  if (cells.name.length > NAME_MAX) return { reason: `${COLUMNS.name}不能超过${NAME_MAX}个字` };
  if (!isMajorLevel(cells.level)) return { reason: `${COLUMNS.level}“${cells.level}”无效，只能填写${MAJOR_LEVELS.join('、')}` };
  return { entry: { code: cells.code, name: cells.name, level: cells.level } };
}

export function isMajorLevel(value: unknown): value is MajorLevel {
  return (MAJOR_LEVELS as readonly unknown[]).includes(value);
}
