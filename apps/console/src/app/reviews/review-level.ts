import type { ApplicationStatus, ApplicationSummary, HistoryEntry, UserView } from '@pilot/contracts';

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

export const STATUS_COLOURS: Record<ApplicationStatus, string> = {
  draft: 'default',
  pending_city: 'orange',
  pending_province: 'gold',
  approved: 'green',
  rejected: 'red',
};

const LEVEL_NAMES: Record<ReviewLevel, string> = { city: '地市', province: '省级' };

/** One step of the history in words: 提交审核, 地市审核通过, 省级审核不通过… */
export function historyActionName(entry: Pick<HistoryEntry, 'action' | 'level'>): string {
  const level = entry.level ? LEVEL_NAMES[entry.level] : '';
  switch (entry.action) {
    case 'created':
      return '创建申报';
    case 'updated':
      return '修改申报';
    case 'submitted':
      return '提交审核';
    case 'approved':
      return `${level}审核通过`;
    case 'rejected':
      return `${level}审核不通过`;
  }
}
