import { DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE, PlatformError } from '@pilot/contracts';

export interface PageWindow {
  page: number;
  pageSize: number;
  skip: number;
}

/**
 * The page asked for (the first page of ten when none is named). One out of the platform's
 * limits is refused, as the gateway refuses it, never quietly moved into range: the caller
 * would get another page than the one asked for.
 */
export function pageWindow(request: { page?: number; pageSize?: number }): PageWindow {
  const page = wholeNumberIn('page', request.page, 1, { min: 1, max: MAX_PAGE }, `页码应为1到${MAX_PAGE}的整数`);
  const pageSize = wholeNumberIn('pageSize', request.pageSize, DEFAULT_PAGE_SIZE, { min: 1, max: MAX_PAGE_SIZE }, `每页条数应为1到${MAX_PAGE_SIZE}的整数`);
  return { page, pageSize, skip: (page - 1) * pageSize };
}

/** Matches the keyword anywhere in any of the fields, ignoring case; the keyword is taken literally. */
export function keywordFilter(keyword: unknown, fields: string[]): Record<string, unknown> {
  const text = typeof keyword === 'string' ? keyword.trim() : '';
  if (!text) return {};
  const pattern = { $regex: text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), $options: 'i' };
  return { $or: fields.map((field) => ({ [field]: pattern })) };
}

function wholeNumberIn(field: string, value: unknown, fallback: number, range: { min: number; max: number }, message: string): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max) return value;
  throw new PlatformError('VALIDATION_FAILED', message, { fields: { [field]: [message] } });
}
