import { CERTIFICATE_LEVELS, IMPORT_COLUMNS, type CertificateLevel } from '@pilot/contracts';
import type { CatalogueCells, RowReading } from '../catalogue/catalogue-import';

export interface CertificateEntry {
  code: string;
  name: string;
  organisation: string;
  levels: CertificateLevel[];
}

const COLUMNS = IMPORT_COLUMNS.certificates;
const CODE = /^[A-Z0-9-]{1,32}$/;
const CERTIFICATE_NAME_MAX = 100;
const ORGANISATION_MAX = 100;
/** Levels may be listed as 初级、中级 / 初级,中级 / 初级/中级 / 初级 中级. */
const LEVEL_SEPARATORS = /[、，,/\s]+/;

/** One sheet row of the certificate catalogue, checked on its own. */
export function readCertificateRow(cells: CatalogueCells<'certificates'>): RowReading<CertificateEntry> {
  if (!CODE.test(cells.code)) return { reason: `${COLUMNS.code}“${cells.code}”格式不正确，应为1-32位字母、数字或连字符` };
  if (cells.name.length > CERTIFICATE_NAME_MAX) return { reason: `${COLUMNS.name}不能超过${CERTIFICATE_NAME_MAX}个字` };
  if (cells.organisation.length > ORGANISATION_MAX) return { reason: `${COLUMNS.organisation}不能超过${ORGANISATION_MAX}个字` };
  const listed = cells.levels.split(LEVEL_SEPARATORS).filter(Boolean);
  const unknown = listed.filter((level) => !(CERTIFICATE_LEVELS as readonly string[]).includes(level));
  if (unknown.length > 0) {
    return { reason: `${COLUMNS.levels}“${unknown.join('、')}”无效，只能填写${CERTIFICATE_LEVELS.join('、')}` };
  }
  return {
    entry: {
      code: cells.code,
      name: cells.name,
      organisation: cells.organisation,
      levels: CERTIFICATE_LEVELS.filter((level) => listed.includes(level)),
    },
  };
}
