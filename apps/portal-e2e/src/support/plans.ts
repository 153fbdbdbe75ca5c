import type { Page } from 'playwright-core';
import { beijingMinute } from '@pilot/test-kit';

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
