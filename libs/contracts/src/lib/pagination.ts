export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;
/** The last page anyone may ask for: past it, the store would have to skip more documents than it holds. */
export const MAX_PAGE = 1_000_000;
