import type { ReviewerRole } from '@pilot/contracts';

/** The short names the reviewer list and form use. */
export const REVIEWER_ROLE_LABELS: Record<ReviewerRole, string> = {
  province_reviewer: '省级审核员',
  city_reviewer: '地市级审核员',
};
