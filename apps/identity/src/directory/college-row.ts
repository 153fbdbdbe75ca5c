import { COLLEGE_TYPES, type CollegeType, type ImportRow } from '@pilot/contracts';
import type { RegionNames } from '../regions/region-names';

export const COLLEGE_NAME_MAX_LENGTH = 100;
const IDENTIFICATION_CODE = /^\d{10}$/;

/** A directory entry as one row of an import gives it. */
export interface CollegeEntry {
  name: string;
  identificationCode: string;
  provinceCode: string;
  provinceName: string;
  cityCode: string;
  type: CollegeType;
}

export type CheckedRow = { row: number; entry: CollegeEntry } | { row: number; reasons: string[] };

/** The row's own checks, each problem in the words the console shows; rules across rows come later. */
export function checkCollegeRow({ row, values = {} }: ImportRow<'colleges'>, regions: RegionNames): CheckedRow {
  const name = text(values.name);
  const identificationCode = text(values.identificationCode);
  const provinceText = text(values.province);
  const cityText = text(values.city);
  const type = text(values.type);
  const reasons: string[] = [];

  if (!name) reasons.push('院校名称不能为空');
  else if ([...name].length > COLLEGE_NAME_MAX_LENGTH) reasons.push(`院校名称不能超过${COLLEGE_NAME_MAX_LENGTH}个字`);
  if (!IDENTIFICATION_CODE.test(identificationCode)) reasons.push('学校标识码应为10位数字');

  const province = provinceText ? regions.province(provinceText) : undefined;
  if (!provinceText) reasons.push('省份不能为空');
  else if (!province) reasons.push(`未找到省份“${provinceText}”`);
  const city = province && cityText ? regions.city(province.code, cityText) : undefined;
  if (!cityText) reasons.push('地市不能为空');
  else if (province && !city) reasons.push(`${province.name}没有地市“${cityText}”`);

  if (!isCollegeType(type)) reasons.push(`办学类型应为${COLLEGE_TYPES.join('、')}之一`);

  if (reasons.length > 0 || !province || !city || !isCollegeType(type)) return { row, reasons };
  return { row, entry: { name, identificationCode, provinceCode: province.code, provinceName: province.name, cityCode: city.code, type } };
}

function text(value: string | undefined): string {
  return typeof value === 'string' ? value.trim() : '';
}

function isCollegeType(value: string): value is CollegeType {
  return (COLLEGE_TYPES as readonly string[]).includes(value);
}
