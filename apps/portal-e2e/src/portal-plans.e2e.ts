import type { Page } from 'playwright-core';
import type { PlanView } from '@pilot/contracts';
import { call } from '@pilot/test-kit';
import { PORTAL_URL, freshPageForEachTest } from './support/browser';
import {
  beijingDay,
  beijingYear,
  collegeReadyToApply,
  plansInScope,
  provinceReviewer,
  publishedPlan,
  registeredCollege,
  uniquePlanName,
  windowText,
} from './support/plans';
import { CaptchaWatch, signIn } from './support/portal';

/** 海南 gets plans from these tests only; 西藏 none at all (see the second test). */
const HAINAN = '460000';
const TIBET = '540000';
const NO_PLAN_PUBLISHED = '省级教育行政部门尚未发布申报计划，请等待发布后再申报';

describe('portal: a college sees its province application plans (申报证书试点)', () => {
  let page: Page;
  let captchas: CaptchaWatch;

  freshPageForEachTest((opened) => {
    ({ page } = opened);
    captchas = new CaptchaWatch(page);
  });

  async function openApplications(username: string, password: string): Promise<void> {
    await page.goto(`${PORTAL_URL}/login`);
    await signIn(page, captchas, username, password);
    await page.waitForURL(/\/workspace$/);
    await page.getByTestId('open-applications').click();
    await page.waitForURL(/\/applications$/);
  }

  it('sees the published plan open now: its window, flags and 申报中, under the province department heading', async () => {
    const reviewer = await provinceReviewer(HAINAN);
    // It opens this minute, the latest start of the province's plans (ties go to the newest): the batch now.
    const startsAt = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const endsAt = new Date(beijingDay(3).getTime() - 60_000);
    const name = uniquePlanName();
    await publishedPlan(reviewer.token, {
      year: beijingYear(),
      name,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(endsAt.getTime() + 59_000).toISOString(),
      byMajor: true,
      cityApprovalRequired: false,
    });
    // One not yet published stays out of the colleges' sight.
    const draftName = uniquePlanName();
    const draft = await call('POST', '/plans', {
      year: beijingYear(),
      name: draftName,
      startsAt: beijingDay(20).toISOString(),
      endsAt: beijingDay(25).toISOString(),
      byMajor: false,
      cityApprovalRequired: false,
    }, reviewer.token);
    expect(draft.status).toBe(201);

    const college = await collegeReadyToApply(HAINAN);
    await openApplications(college.username, college.password);

    // The notice comes with the plans: the heading is complete by then.
    await page.getByTestId('plan-notice').waitFor();
    await expect(page.getByTestId('plans-title').textContent()).resolves.toMatch(new RegExp(`^\\s*海南省教育厅的申报计划\\s*${name}\\s*$`));
    const table = page.getByTestId('plan-table');
    const headings = (await table.locator('thead th').allTextContents()).map((t) => t.trim());
    expect(headings).toEqual(['申报批次', '申报时间', '是否要求按专业填报', '是否需要地市级教育局审批', '状态']);
    const row = table.locator(`tbody tr[data-plan="${name}"]`);
    await row.waitFor();
    expect((await row.locator('td').allTextContents()).map((t) => t.trim())).toEqual([name, windowText(startsAt, endsAt), '是', '否', '申报中']);
    await expect(table.locator(`tbody tr[data-plan="${draftName}"]`).count()).resolves.toBe(0);

    await page.getByTestId('plan-notice').getByText(`${name}正在申报中，申报时间：${windowText(startsAt, endsAt)}`).waitFor();
    await page.getByTestId('plan-notes').getByText('若本年度有新加入的证书，省级教育行政部门会酌情增加第二次，用于补报新的证书试点').waitFor();

    expect((await call('DELETE', `/plans/${draft.body.id}`, undefined, reviewer.token)).status).toBe(204);
  });

  it('is told 尚未发布申报计划 where its province has published no plan', async () => {
    // Plans stay in the store between runs: make sure 西藏 has none published that could still be withdrawn.
    const reviewer = await provinceReviewer(TIBET);
    for (const plan of (await plansInScope(reviewer.token)).filter((p: PlanView) => p.published && p.status === 'not_started')) {
      await call('DELETE', `/plans/${plan.id}`, undefined, reviewer.token);
    }
    const published = (await plansInScope(reviewer.token)).filter((plan) => plan.published);

    const college = await collegeReadyToApply(TIBET);
    await openApplications(college.username, college.password);
    const notice = page.getByTestId('plan-notice');
    await notice.waitFor();
    await expect(page.getByTestId('plans-title').textContent()).resolves.toMatch(/^\s*西藏自治区教育厅的申报计划/);
    if (published.length === 0) {
      await notice.getByText(NO_PLAN_PUBLISHED).waitFor();
      await page.getByTestId('plan-table').getByText('暂无申报计划').waitFor();
    } else {
      // Someone published (and opened) a plan there by hand: the notice then speaks of that plan.
      await expect(notice.textContent()).resolves.not.toContain(NO_PLAN_PUBLISHED);
    }
  });

  it('cannot open 申报证书试点 before its basic information is filled in', async () => {
    const college = await registeredCollege(HAINAN);
    await page.goto(`${PORTAL_URL}/login`);
    await signIn(page, captchas, college.username, college.password);
    await page.waitForURL(/\/profile$/);
    await page.goto(`${PORTAL_URL}/applications`);
    await page.waitForURL(/\/profile$/);
    await page.getByTestId('profile-submit').waitFor();
  });
});
