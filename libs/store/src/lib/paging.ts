import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@pilot/contracts';

export interface PageWindow {
  page: number;
  pageSize: number;
  skip: number;
}

/** The page asked for, kept inside the platform's limits whatever reached the queue. */
export function pageWindow(request: { page?: number; pageSize?: number }): PageWindow {
  const page = Math.max(1, wholeNumber(request.page, 1));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, wholeNumber(request.pageSize, DEFAULT_PAGE_SIZE)));
  return { page, pageSize, skip: (page - 1) * pageSize };
}

/** Matches the keyword anywhere in any of the fields, ignoring case; the keyword is taken literally. */
export function keywordFilter(keyword: unknown, fields: string[]): Record<string, unknown> {
  const text = typeof keyword === 'string' ? keyword.trim() : '';
  if (!text) return {};
  const pattern = { $regex: text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), $options: 'i' };
  return { $or: fields.map((field) => ({ [field]: pattern })) };
}

function wholeNumber(value: unknown, fallback: number): number {
  const number = Math.floor(Number(value ?? fallback));
  return Number.isFinite(number) ? number : fallback;
}
