import type { ApplicationStatus, PlanView } from '@pilot/contracts';

/** Asked before 提交审核 (manual 1.1.3: the system asks again, and a submitted application cannot be changed). */
export const SUBMIT_CONFIRMATION = '提交后将不能再修改，只能等待审核结果。确定提交审核吗？';

/** Drafts, and rejected ones (审核不通过), may be changed and submitted again while their plan is open. */
export function changeable(status: ApplicationStatus): boolean {
  return status === 'draft' || status === 'rejected';
}

/** Only drafts may be deleted: whatever a reviewer has seen stays. */
export function deletable(status: ApplicationStatus): boolean {
  return status === 'draft';
}

/** Whether the plan is 申报中 as the plans were last loaded; the server checks again. */
export function planOpen(plans: readonly PlanView[], planId: string): boolean {
  return plans.some((plan) => plan.id === planId && plan.status === 'open');
}

/** Times are shown in Beijing time, whatever the browser's zone (DatePipe's zone argument). */
export const BEIJING_ZONE = '+0800';
export const MINUTE_FORMAT = 'yyyy-MM-dd HH:mm';
