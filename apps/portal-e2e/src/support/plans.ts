import type { Page } from 'playwright-core';
import type { PlanView } from '@pilot/contracts';
import { beijingMinute, call, plansInScope } from '@pilot/test-kit';
import { eventually } from './waiting';

export {
  beijingDay,
  beijingMinute,
  beijingYear,
  cityReviewer,
  collegeReadyToApply,
  plansInScope,
  provinceReviewer,
  publishedPlan,
  registeredCollege,
  uniquePlanName,
  windowText,
  type ReadyAccount,
} from '@pilot/test-kit';

/**
 * Sets the window in an ng-zorro range picker with time: each end is typed in its box and
 * confirmed with 确定, as a user who types instead of clicking through the calendar would.
 */
export async function pickWindow(page: Page, picker: string, start: Date, end: Date): Promise<void> {
  const inputs = page.getByTestId(picker).locator('input');
  const ok = page.locator('.plan-window-dropdown .ant-picker-ok button');
  await inputs.nth(0).click();
  await inputs.nth(0).fill(beijingMinute(start));
  await ok.click();
  await inputs.nth(1).fill(beijingMinute(end));
  await ok.click();
  await page.locator('.plan-window-dropdown').waitFor({ state: 'hidden' });
}

/**
 * Waits until the applications service has heard of the published plan (planning announces it by
 * an event), so that the first application to it cannot meet PLAN_NOT_FOUND. The province
 * reviewer's certificate totals answer 200 only for a plan the service knows.
 */
export async function untilApplicationsKnow(plan: PlanView, provinceReviewerToken: string): Promise<void> {
  await eventually(`applications to hear of ${plan.name}`, async () => {
    const totals = await call('GET', `/applications/certificate-totals?planId=${plan.id}`, undefined, provinceReviewerToken);
    return totals.status === 200;
  });
}

/** Waits, asking the API, until the plan's window has ended (状态 已结束). */
export async function untilWindowEnded(plan: PlanView, token: string): Promise<void> {
  const left = new Date(plan.endsAt).getTime() - Date.now();
  await eventually(
    `the window of ${plan.name} to end`,
    async () => (await plansInScope(token)).find((listed) => listed.id === plan.id)?.status === 'closed',
    Math.max(left, 0) + 20_000,
    1_000,
  );
}
