import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import type { ApplicationView, PlanView } from '@pilot/contracts';
import { applyWhenPlanKnown, call, demoCertificates, upload } from '@pilot/test-kit';
import { CONSOLE_URL, launchBrowser } from './support/browser';
import { confirmReview, decide, openReviews, reviewRow } from './support/reviewing';
import { beijingMinute, beijingYear, cityReviewer, collegeReadyToApply, provinceReviewer, publishedPlan, uniquePlanName, type ReadyAccount } from './support/plans';

/** 宁夏: the province of the applications tests; every run makes its own plan, college and reviewers. */
const NINGXIA = '640000';
const HOUR = 3_600_000;
const PDF = { name: '师资证明.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') };
const QUOTA = 50;
const REASON = '场地情况描述不完整，请补充实训室面积与设备清单';

interface Certificate {
  id: string;
  name: string;
  organisation: string;
}

describe('console: city and province reviewers decide on submitted applications', () => {
  let browser: Browser;
  let province: ReadyAccount;
  let city: ReadyAccount;
  let collegeName: string;
  let cityName: string;
  let plan: PlanView;
  /** Planned 80 trainees of a certificate whose quota is 50: city approves it, then the province. */
  let approved: ApplicationView;
  /** Planned 30 of a certificate without quota: the city rejects it. */
  let rejected: ApplicationView;
  let certificates: Certificate[];

  beforeAll(async () => {
    province = await provinceReviewer(NINGXIA);
    const college = await collegeReadyToApply(NINGXIA);
    collegeName = college.registered.college.name;
    cityName = college.registered.college.cityName;
    city = await cityReviewer(NINGXIA, college.registered.college.cityCode);
    certificates = await demoCertificates(college.token, 2);
    plan = await publishedPlan(province.token, {
      year: beijingYear(),
      name: uniquePlanName(),
      startsAt: new Date(Date.now() - HOUR).toISOString(),
      endsAt: new Date(Date.now() + 2 * HOUR).toISOString(),
      byMajor: false,
      cityApprovalRequired: true,
      certificates: [{ certificateId: certificates[0].id, quota: QUOTA }, { certificateId: certificates[1].id }],
    });
    const evidence = await upload<{ fileId: string }>('/files', PDF, college.token);
    if (evidence.status !== 201) throw new Error(`POST /files answered ${evidence.status} ${JSON.stringify(evidence.body)}`);
    const submitted = async (certificateId: string, plannedTrainees: number, fileIds: string[]): Promise<ApplicationView> => {
      const created = await applyWhenPlanKnown<ApplicationView>(college.token, {
        planId: plan.id,
        certificateId,
        majorCodes: [],
        plannedTrainees,
        teachersHtml: '<p>专职教师<strong>12</strong>名，其中双师型教师8名</p>',
        venueHtml: '<p class="ql-align-center">校内实训室3间</p>',
        fileIds,
      });
      if (created.status !== 201) throw new Error(`POST /applications answered ${created.status} ${JSON.stringify(created.body)}`);
      const answer = await call<ApplicationView>('POST', `/applications/${created.body.id}/submit`, undefined, college.token);
      if (answer.status !== 200) throw new Error(`submit answered ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    };
    approved = await submitted(certificates[0].id, 80, [evidence.body.fileId]);
    rejected = await submitted(certificates[1].id, 30, []);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  const reviewsOf = (account: ReadyAccount) => openReviews(browser, account, plan);
  const table = (page: Page) => page.getByTestId('application-table');
  const tab = (page: Page, name: string) => page.getByTestId('status-tabs').locator('.ant-tabs-tab', { hasText: name });
  const cells = async (page: Page, application: ApplicationView) =>
    (await reviewRow(page, application).locator('td').allTextContents()).map((text) => text.trim());

  it('shows the city reviewer both applications under 待审核; approving one passes it to the province, rejecting the other needs a reason', async () => {
    const { context, page } = await reviewsOf(city);
    try {
      await tab(page, '待审核（2）').waitFor();
      await expect(tab(page, '待审核').getAttribute('class')).resolves.toContain('ant-tabs-tab-active');
      const headings = (await table(page).locator('thead th').allTextContents()).map((t) => t.trim());
      expect(headings).toEqual(['申报批次', '院校名称', '地市', '证书名称', '颁证机构', '拟申报培训人数', '已批准培训人数', '状态', '提交时间', '操作']);
      await reviewRow(page, approved).waitFor();
      expect(await cells(page, approved)).toEqual([
        plan.name,
        collegeName,
        cityName,
        certificates[0].name,
        certificates[0].organisation,
        '80',
        '',
        '待地市审核',
        expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
        '审核',
      ]);
      await reviewRow(page, rejected).waitFor();
      // City reviewers see their own city only: no city filter.
      await expect(page.getByTestId('filter-city').count()).resolves.toBe(0);

      await reviewRow(page, approved).getByTestId('review-application').click();
      await page.waitForURL(`${CONSOLE_URL}/reviews/${approved.id}`);
      const fields = page.getByTestId('application-fields');
      await fields.getByText(collegeName).waitFor();
      await fields.getByText(certificates[0].organisation).waitFor();
      await expect(page.getByTestId('teachers-html').locator('strong').textContent()).resolves.toBe('12');
      await expect(page.getByTestId('venue-html').locator('p.ql-align-center').textContent()).resolves.toBe('校内实训室3间');
      const downloading = page.waitForEvent('download');
      await page.getByTestId('evidence-files').getByText(PDF.name).click();
      const evidence = await downloading;
      expect(evidence.suggestedFilename()).toBe(PDF.name);
      expect((await readFile(await evidence.path())).subarray(0, 5).toString('latin1')).toBe('%PDF-');

      await decide(page, 'approve');
      await page.getByTestId('review-consequence').getByText('审核通过后，该申报将提交省级教育行政部门审核。').waitFor();
      // A city approves without a headcount: that is the province's to set.
      await expect(page.getByTestId('approved-trainees').count()).resolves.toBe(0);
      expect(await confirmReview(page)).toBe(200);
      await page.locator('.ant-message').getByText('已审核通过').waitFor();
      await page.getByTestId('detail-status').getByText('待省级审核').waitFor();
      await page.getByTestId('application-history').getByText('地市级审核通过').waitFor();
      await expect(page.getByTestId('approve').count()).resolves.toBe(0);

      await page.getByTestId('back-to-reviews').click();
      await page.waitForURL((url) => url.pathname === '/reviews' && url.searchParams.get('planId') === plan.id);
      await tab(page, '待审核（1）').waitFor();
      await reviewRow(page, approved).waitFor({ state: 'detached' });

      await reviewRow(page, rejected).getByTestId('review-application').click();
      await page.waitForURL(`${CONSOLE_URL}/reviews/${rejected.id}`);
      await decide(page, 'reject');
      // Nothing is sent without the reason the college will read.
      await page.getByTestId('review-confirm').click();
      await page.getByText('请填写审核不通过的原因').waitFor();
      await page.getByTestId('review-comment').fill(REASON);
      expect(await confirmReview(page)).toBe(200);
      await page.getByTestId('detail-status').getByText('审核不通过').waitFor();
      await page.getByTestId('rejection-reason').getByText(REASON).waitFor();
      await page.getByTestId('application-history').getByText(`原因：${REASON}`).waitFor();
    } finally {
      await context.close();
    }
  });

  it('shows the province reviewer the passed one under 待审核 with the totals, exports the list, and approves within the quota', async () => {
    const { context, page } = await reviewsOf(province);
    try {
      await tab(page, '待审核（1）').waitFor();
      await reviewRow(page, approved).waitFor();
      await expect(reviewRow(page, approved).getByTestId('application-status').textContent()).resolves.toBe('待省级审核');
      await expect(reviewRow(page, rejected).count()).resolves.toBe(0);

      const totals = page.getByTestId('certificate-totals');
      const quotaRow = totals.locator(`tbody tr[data-certificate="${certificates[0].name}"]`);
      await quotaRow.waitFor();
      expect((await quotaRow.locator('td').allTextContents()).map((t) => t.trim())).toEqual([
        certificates[0].name,
        certificates[0].organisation,
        '1',
        '80',
        '0',
        String(QUOTA),
      ]);

      // The province's cities filter the list; the college's keeps the application.
      await page.getByTestId('filter-city').click();
      const byCity = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/applications') && !!new URL(r.url()).searchParams.get('cityCode'));
      await page.locator('.filter-city-dropdown nz-option-item', { hasText: cityName }).click();
      expect((await byCity).status()).toBe(200);
      await reviewRow(page, approved).waitFor();

      const downloading = page.waitForEvent('download');
      await page.getByTestId('export').click();
      const sheet = await downloading;
      expect(sheet.suggestedFilename()).toBe(`${plan.name}申报列表.xlsx`);
      expect((await readFile(await sheet.path())).subarray(0, 2).toString('latin1')).toBe('PK');

      await reviewRow(page, approved).getByTestId('review-application').click();
      await page.waitForURL(`${CONSOLE_URL}/reviews/${approved.id}`);
      await decide(page, 'approve');
      const headcount = page.getByTestId('approved-trainees').locator('input');
      // The planned headcount is proposed, and nothing above it is taken.
      await expect(headcount.inputValue()).resolves.toBe('80');
      await headcount.fill('200');
      await headcount.blur();
      await expect(headcount.inputValue()).resolves.toBe('80');

      // 80 is within the planned headcount but above the certificate's quota: the server says so.
      expect(await confirmReview(page)).toBe(409);
      await page.getByTestId('review-error').getByText('已批准培训人数超出该证书本批次的剩余指标').waitFor();

      await headcount.fill(String(QUOTA));
      await page.getByTestId('review-comment').fill('同意按指标开展试点');
      expect(await confirmReview(page)).toBe(200);
      await page.getByTestId('review-form').waitFor({ state: 'hidden' });
      await page.getByTestId('detail-status').getByText('审核通过').waitFor();
      await expect(page.getByTestId('approved-trainees-value').textContent()).resolves.toBe(String(QUOTA));

      // Both levels' steps, newest first, with who took them, in Beijing time.
      const history = page.getByTestId('application-history');
      const texts = async (testId: string) => (await history.getByTestId(testId).allTextContents()).map((text) => text.trim());
      expect(await texts('history-action')).toEqual(['省级审核通过', '地市级审核通过', '提交审核', '保存申报（暂不提交审核）']);
      expect(await texts('history-actor')).toEqual([
        '宁夏回族自治区教育厅',
        `${cityName}教育局`,
        collegeName,
        collegeName,
      ]);
      const times = await texts('history-time');
      expect(times[2]).toBe(beijingMinute(new Date(approved.submittedAt ?? '')));
      for (const at of times) expect(at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      await history.getByText(`已批准培训人数：${QUOTA}`).waitFor();
      await history.getByText('意见：同意按指标开展试点').waitFor();
    } finally {
      await context.close();
    }
  });
});
