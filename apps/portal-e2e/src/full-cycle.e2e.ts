import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ApplicationPage, ApplicationSummary, ApplicationView, CertificateView, InAppMessagePage, PilotStatusView, PlanView } from '@pilot/contracts';
import { applyWhenPlanKnown, call, demoCertificates, inbox } from '@pilot/test-kit';
import { applicationRow, confirmSubmit, countsAre, fillApplication, openApplications, openNewApplication, unreadBadgeShows } from './support/applying';
import { CONSOLE_URL, PORTAL_URL, launchBrowser, newPage } from './support/browser';
import {
  beijingYear,
  cityReviewer,
  collegeReadyToApply,
  provinceReviewer,
  publishedPlan,
  uniquePlanName,
  untilApplicationsKnow,
  untilWindowEnded,
  type ReadyAccount,
} from './support/plans';
import { CaptchaWatch, signIn } from './support/portal';
import { confirmReview, decide, openReviews, reviewRow } from './support/reviewing';
import { eventually } from './support/waiting';

/** 甘肃: only these tests make plans there, so the portal offers no other open batch. */
const GANSU = '620000';
/**
 * How long the college has, from the plan's publication, to apply for both certificates in the
 * portal (about 10 s here): the window ends then, and the reviews wait for that end.
 */
const APPLYING_TIME_MS = 60_000;
const MINUTE = 60_000;
const CITY_REASON = '实训场地不足，请补充场地证明后再申报';
const PROVINCE_REASON = '实训设备清单不完整';
const HEADCOUNT = 60;

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? '').replace(/\s+/g, '');

describe('issue 5 from end to end: a college applies, the city and the province decide, and the college learns the results', () => {
  let browser: Browser;
  const opened: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterEach(async () => {
    for (const context of opened.splice(0)) await context.close();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function pageOf(): Promise<Page> {
    const { context, page } = await newPage(browser);
    opened.push(context);
    return page;
  }

  async function pilotStatusOf(college: ReadyAccount): Promise<PilotStatusView | undefined> {
    const answer = await call<PilotStatusView[]>('GET', '/college/pilot-status', undefined, college.token);
    return answer.body.find((status) => status.year === beijingYear());
  }

  /** A plan of this year in 甘肃 whose window opened a minute ago and ends `applyingTimeMs` from now. */
  async function shortPlan(province: ReadyAccount, certificates: CertificateView[], cityApprovalRequired: boolean, applyingTimeMs: number): Promise<PlanView> {
    const plan = await publishedPlan(province.token, {
      year: beijingYear(),
      name: uniquePlanName(),
      startsAt: new Date(Date.now() - MINUTE).toISOString(),
      endsAt: new Date(Date.now() + applyingTimeMs).toISOString(),
      byMajor: false,
      cityApprovalRequired,
      certificates: certificates.map((certificate) => ({ certificateId: certificate.id })),
    });
    await untilApplicationsKnow(plan, province.token);
    return plan;
  }

  it(
    'applies for two certificates in the portal; the city approves one and rejects the other, the province approves it with a headcount; the college sees both results, three messages, three SMS and its pilot status 试点院校',
    async () => {
      const [province, college] = await Promise.all([provinceReviewer(GANSU), collegeReadyToApply(GANSU)]);
      const city = await cityReviewer(GANSU, college.registered.college.cityCode);
      const [passing, failing] = await demoCertificates(college.token, 2);
      const plan = await shortPlan(province, [passing, failing], true, APPLYING_TIME_MS);

      // The college applies for both in the portal while the window is open; nothing is decided yet.
      const portal = await pageOf();
      const captchas = new CaptchaWatch(portal);
      await openApplications(portal, captchas, college);
      await expect(text(portal, 'pilot-current')).resolves.toBe(`${beijingYear()}年度：尚未确定`);
      for (const [certificate, trainees] of [
        [passing, 80],
        [failing, 40],
      ] as const) {
        const dialog = await openNewApplication(portal, plan);
        await fillApplication(dialog, { certificate, trainees });
        await dialog.getByTestId('submit-for-review').click();
        await confirmSubmit(portal);
        await dialog.waitFor({ state: 'hidden' });
      }
      await countsAre(portal, { all: 2, pending: 2 });
      await expect(applicationRow(portal, passing).getByTestId('application-status').textContent()).resolves.toBe('待地市审核');
      const submitted = (await call<ApplicationPage>('GET', `/applications?planId=${plan.id}`, undefined, college.token)).body.items;
      const applicationOf = (certificate: CertificateView) => submitted.find((application) => application.certificateId === certificate.id) as ApplicationSummary;
      expect(submitted.map((application) => application.status)).toEqual(['pending_city', 'pending_city']);

      await untilWindowEnded(plan, college.token);

      // 地市级教育局: approves one (on to the province) and rejects the other with its reason.
      const cityDesk = (await openReviews(browser, city, plan)).page;
      await reviewRow(cityDesk, applicationOf(passing)).getByTestId('review-application').click();
      await cityDesk.waitForURL(`${CONSOLE_URL}/reviews/${applicationOf(passing).id}`);
      await decide(cityDesk, 'approve');
      expect(await confirmReview(cityDesk)).toBe(200);
      await cityDesk.getByTestId('detail-status').getByText('待省级审核').waitFor();
      await cityDesk.getByTestId('back-to-reviews').click();
      await reviewRow(cityDesk, applicationOf(failing)).getByTestId('review-application').click();
      await cityDesk.waitForURL(`${CONSOLE_URL}/reviews/${applicationOf(failing).id}`);
      await decide(cityDesk, 'reject');
      await cityDesk.getByTestId('review-comment').fill(CITY_REASON);
      expect(await confirmReview(cityDesk)).toBe(200);
      await cityDesk.getByTestId('detail-status').getByText('审核不通过').waitFor();

      // 省级教育行政部门: approves the one the city passed, with a headcount below the planned 80.
      const provinceDesk = (await openReviews(browser, province, plan)).page;
      await reviewRow(provinceDesk, applicationOf(passing)).getByTestId('review-application').click();
      await provinceDesk.waitForURL(`${CONSOLE_URL}/reviews/${applicationOf(passing).id}`);
      await decide(provinceDesk, 'approve');
      await provinceDesk.getByTestId('approved-trainees').locator('input').fill(String(HEADCOUNT));
      await provinceDesk.getByTestId('review-comment').fill(PROVINCE_REASON);
      expect(await confirmReview(provinceDesk)).toBe(200);
      await provinceDesk.getByTestId('detail-status').getByText('审核通过').waitFor();

      // Results, messages and the pilot status travel by events: wait for them before looking.
      await eventually('the three review messages', async () => (await call<InAppMessagePage>('GET', '/notifications', undefined, college.token)).body.unread === 3);
      await eventually('the pilot status', async () => (await pilotStatusOf(college))?.pilot);

      await portal.goto(`${PORTAL_URL}/applications`);
      await countsAre(portal, { all: 2, pending: 0, approved: 1, rejected: 1 });
      await expect(applicationRow(portal, passing).getByTestId('application-status').textContent()).resolves.toBe('审核通过');
      await expect(applicationRow(portal, passing).getByTestId('approved-trainees').textContent()).resolves.toBe(String(HEADCOUNT));
      await expect(applicationRow(portal, failing).getByTestId('application-status').textContent()).resolves.toBe('审核不通过');
      await expect(text(portal, 'pilot-current')).resolves.toBe(`${beijingYear()}年度：试点院校`);
      await expect(portal.getByTestId('pilot-standing').getAttribute('class')).resolves.toContain('ant-tag-green');
      await expect(text(portal, 'pilot-reason')).resolves.toBe(`${beijingYear()}年度有1个证书通过审批，已成为${beijingYear()}年度试点院校`);
      await unreadBadgeShows(portal, 3);

      await applicationRow(portal, failing).getByTestId('view-application').click();
      await expect(portal.getByTestId('rejection-reason').locator('.ant-alert-description').textContent()).resolves.toBe(`原因：${CITY_REASON}`);

      // 消息: one per decision, newest first, all unread.
      await portal.getByTestId('message-bell').click();
      await portal.waitForURL(/\/messages$/);
      await portal.waitForFunction(() => document.querySelectorAll('[data-testid="message-list"] .message').length === 3);
      const bodies = await portal.getByTestId('message-list').getByTestId('message-body').allTextContents();
      const outcome = (certificate: CertificateView, result: string) => `贵校在“${plan.name}”中申报的“${certificate.name}”试点${result}`;
      expect(bodies.map((body) => body.trim())).toEqual([
        `${outcome(passing, `已通过省级审核，批准培训人数${HEADCOUNT}人`)}。审核意见：${PROVINCE_REASON}`,
        `${outcome(failing, '未通过地市级审核')}，可在申报时间内修改后重新提交。审核意见：${CITY_REASON}`,
        `${outcome(passing, '已通过地市级审核，待省级审核')}。`,
      ]);
      await expect(portal.getByTestId('message-list').getByTestId('message-unread').count()).resolves.toBe(3);

      // The workspace tells the same.
      await portal.goto(`${PORTAL_URL}/workspace`);
      await expect(text(portal, 'pilot-current')).resolves.toBe(`${beijingYear()}年度：试点院校`);

      // One SMS per decision to the phone the college registered with.
      const results = await eventually('the three result SMS', async () => {
        const received = (await inbox(college.registered.phone)).filter((sms) => sms.text.includes(plan.name));
        return received.length >= 3 && received;
      });
      expect(results.map((sms) => sms.text).sort()).toEqual(
        [
          outcome(passing, '已通过地市级审核，待省级审核'),
          outcome(failing, '未通过地市级审核'),
          outcome(passing, `已通过省级审核，批准培训人数${HEADCOUNT}人`),
        ]
          .map((result) => `【1+X证书试点申报平台】${result}，详情请登录平台查看。`)
          .sort(),
      );
    },
    APPLYING_TIME_MS + 150_000,
  );

  it('shows 非试点院校 and why to a college whose only application was rejected, once its batch has settled', async () => {
    const [province, college] = await Promise.all([provinceReviewer(GANSU), collegeReadyToApply(GANSU)]);
    const [certificate] = await demoCertificates(college.token, 1);
    const plan = await shortPlan(province, [certificate], false, 20_000);
    const created = await applyWhenPlanKnown<ApplicationView>(college.token, {
      planId: plan.id,
      certificateId: certificate.id,
      majorCodes: [],
      plannedTrainees: 30,
      teachersHtml: '<p>专职教师6名</p>',
      venueHtml: '<p>实训室1间</p>',
      fileIds: [],
    });
    expect(created.status).toBe(201);
    expect((await call('POST', `/applications/${created.body.id}/submit`, undefined, college.token)).status).toBe(200);
    const rejected = await call('POST', `/applications/${created.body.id}/review`, { decision: 'reject', comment: '师资不足' }, province.token);
    expect(rejected.status).toBe(200);
    // Decided, yet not settled while the window is open: the batch could still take a resubmission.
    expect(await pilotStatusOf(college)).toMatchObject({ pilot: false, settledBatches: 0 });

    await untilWindowEnded(plan, college.token);
    const settled = await eventually('the batch to settle', async () => {
      const status = await pilotStatusOf(college);
      return status?.settledBatches === 1 && status;
    });
    expect(settled).toMatchObject({ pilot: false, approvedCertificates: 0 });

    const page = await pageOf();
    await page.goto(`${PORTAL_URL}/login`);
    await signIn(page, new CaptchaWatch(page), college.username, college.password);
    await page.waitForURL(/\/workspace$/);
    await expect(text(page, 'pilot-current')).resolves.toBe(`${beijingYear()}年度：非试点院校`);
    await expect(page.getByTestId('pilot-reason').textContent()).resolves.toBe(settled.reason);
    expect(settled.reason).toContain('均未通过审批');
    await page.getByTestId('open-applications').click();
    await page.waitForURL(/\/applications$/);
    await expect(text(page, 'pilot-current')).resolves.toBe(`${beijingYear()}年度：非试点院校`);
  });
});
