import type { ParamMap, Params } from '@angular/router';
import type { ListApplicationsRequest } from '@pilot/contracts';

/** The tabs of a reviewer's queue; 待审核 is what waits for the reviewer's own level. */
export const REVIEW_TABS = ['all', 'pending', 'approved', 'rejected'] as const;
export type ReviewTab = (typeof REVIEW_TABS)[number];

/** What the queue shows: kept in the page's address, so coming back from a detail finds the same list. */
export interface ReviewFilters {
  tab: ReviewTab;
  planId?: string;
  certificateId?: string;
  cityCode?: string;
  collegeName?: string;
  page: number;
}

export function filtersFromQuery(query: ParamMap): ReviewFilters {
  const tab = REVIEW_TABS.find((name) => name === query.get('status')) ?? 'pending';
  const page = Number(query.get('page'));
  return {
    tab,
    planId: query.get('planId') ?? undefined,
    certificateId: query.get('certificateId') ?? undefined,
    cityCode: query.get('cityCode') ?? undefined,
    collegeName: query.get('collegeName') ?? undefined,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The address's query; a filter left empty is left out. */
export function filtersToQuery(filters: ReviewFilters): Params {
  return {
    status: filters.tab,
    planId: filters.planId || null,
    certificateId: filters.certificateId || null,
    cityCode: filters.cityCode || null,
    collegeName: filters.collegeName || null,
    page: filters.page > 1 ? filters.page : null,
  };
}

/** The list request, and the export's, for these filters (the export takes every page). */
export function listQuery(filters: ReviewFilters): Omit<ListApplicationsRequest, 'page' | 'pageSize'> {
  return {
    status: filters.tab,
    planId: filters.planId,
    certificateId: filters.certificateId,
    cityCode: filters.cityCode,
    collegeName: filters.collegeName,
  };
}
