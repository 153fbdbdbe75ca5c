import type { ApplicationStatus, ApplicationSummary, UserView } from '@pilot/contracts';

export type ReviewLevel = 'city' | 'province';

/** The level a reviewer decides at: 地市级教育局 or 省级教育行政部门; none for other roles. */
export function reviewLevel(user: UserView | null | undefined): ReviewLevel | null {
  if (user?.role === 'city_reviewer') return 'city';
  if (user?.role === 'province_reviewer') return 'province';
  return null;
}

const AWAITING: Record<ReviewLevel, ApplicationStatus> = { city: 'pending_city', province: 'pending_province' };

/** Whether the application waits for this level's decision (待审核 in its queue). */
export function awaitsReviewAt(level: ReviewLevel | null, application: Pick<ApplicationSummary, 'status'>): boolean {
  return !!level && application.status === AWAITING[level];
}
