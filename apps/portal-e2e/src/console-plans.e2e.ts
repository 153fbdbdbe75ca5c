import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PlanView } from '@pilot/contracts';
import { CONSOLE_URL, launchBrowser, newPage } from './support/browser';
import { signInToConsole } from './support/console-session';
import {
  beijingDay,
  beijingYear,
  cityReviewer,
  pickWindow,
  plansInScope,
  provinceReviewer,
  uniquePlanName,
  windowText,
  type ReadyAccount,
} from './support/plans';

/** 海南: no other test writes plans there, and plans stay in the store from run to run. */
const HAINAN = '460000';
const HAIKOU = '460100';
const PUBLISH_WARNING = '发布后院校即可看到该计划，发布后只能延长截止时间';

describe('console: a province reviewer writes and publishes an application plan', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let reviewer: ReadyAccount;

  const name = uniquePlanName();
  // Open from this minute: the newest start, so the plan heads the table (plans stay from run to run).
  const startsAt = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const endsAt = new Date(beijingDay(8).getTime() - 60_000);
  const table = () => page.getByTestId('plan-table');
  const row = () => table().locator(`tbody tr[data-plan="${name}"]`);
  const cells = async () => (await row().locator('td').allTextContents()).map((text) => text.trim());
  const stored = async (): Promise<PlanView | undefined> => (await plansInScope(reviewer.token)).find((plan) => plan.name === name);

  beforeAll(async () => {
    reviewer = await provinceReviewer(HAINAN);
    browser = await launchBrowser();
    ({ context, page } = await newPage(browser));
    await signInToConsole(page, reviewer.username, reviewer.password);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('opens 申报计划 from the menu: the plans table with the manual columns and 新建申报计划', async () => {
    await page.getByTestId('nav-plans').click();
    await page.waitForURL(`${CONSOLE_URL}/plans`);
    await page.getByRole('heading', { name: '申报计划' }).waitFor();
    const headings = (await table().locator('thead th').allTextContents()).map((t) => t.trim()).filter(Boolean);
    expect(headings).toEqual(['申报批次', '年度', '申报时间', '是否要求按专业填报', '是否需要地市级教育局审批', '状态', '发布', '操作']);
    await page.getByTestId('create-plan').waitFor();
  });

  it('creates a plan with its window, both flags and a certificate with a quota; it stays unpublished', async () => {
    await page.getByTestId('create-plan').click();
    await page.getByTestId('plan-form').waitFor();
    await expect(page.getByTestId('plan-year').locator('input').inputValue()).resolves.toBe(String(beijingYear()));
    // Nothing is sent without a batch name and a window.
    await page.getByTestId('plan-submit').click();
    await page.getByText('请输入申报批次').waitFor();
    await page.getByText('请选择申报时间').waitFor();

    await page.getByTestId('plan-name').fill(name);
    await pickWindow(page, 'plan-window', startsAt, endsAt);
    await page.getByTestId('plan-by-major').getByText('否').click();
    await page.getByTestId('plan-city-approval').getByText('是').click();

    const picker = page.getByTestId('plan-certificate-picker');
    await picker.click();
    const searched = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/certificates') && new URL(r.url()).searchParams.get('q') === 'Python');
    await picker.locator('input').fill('Python');
    await searched;
    await page.locator('.plan-certificate-dropdown nz-option-item', { hasText: 'Python程序开发职业技能等级证书' }).click();
    const allowed = page.getByTestId('plan-certificates').locator('tbody tr', { hasText: 'Python程序开发职业技能等级证书' });
    await allowed.waitFor();
    await allowed.getByTestId('plan-certificate-quota').locator('input').fill('120');

    const created = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/plans'));
    await page.getByTestId('plan-submit').click();
    expect((await created).status()).toBe(201);
    await page.getByTestId('plan-form').waitFor({ state: 'hidden' });

    await row().waitFor();
    expect(await cells()).toEqual(['', name, String(beijingYear()), windowText(startsAt, endsAt), '否', '是', '申报中', '未发布', expect.stringContaining('发布')]);
    const plan = await stored();
    expect(plan).toMatchObject({
      published: false,
      byMajor: false,
      cityApprovalRequired: true,
      startsAt: expect.any(String),
      certificates: [{ quota: 120, name: 'Python程序开发职业技能等级证书' }],
    });
    // The picked minutes are Beijing's, whatever the browser's zone; the last minute is included.
    expect(new Date(plan?.startsAt ?? '').getTime()).toBe(startsAt.getTime());
    expect(new Date(plan?.endsAt ?? '').getTime()).toBe(endsAt.getTime() + 59_000);

    // Unfolding the row lists the allowed certificates with their quotas.
    await row().locator('td').first().locator('button').click();
    await table().locator(`tr[data-plan-certificates="${name}"]`).getByText('Python程序开发职业技能等级证书（北京中科院软件中心有限公司）：名额 120 人').waitFor();
  });

  it('publishes the plan after the confirmation: 已发布, and still 申报中', async () => {
    await row().getByTestId('publish-plan').click();
    const confirm = page.locator('.publish-confirm');
    await confirm.getByText(PUBLISH_WARNING).waitFor();
    const published = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/publish'));
    await confirm.getByRole('button', { name: '发布' }).click();
    expect((await published).status()).toBe(200);
    await page.locator('.ant-message').getByText(`已发布申报计划 ${name}`).waitFor();

    await row().getByTestId('plan-published').getByText('已发布').waitFor();
    await expect(row().getByTestId('plan-status').textContent()).resolves.toBe('申报中');
    // Published and open: colleges may have applied, so it can no longer be deleted or published again.
    await expect(row().getByTestId('publish-plan').count()).resolves.toBe(0);
    await expect(row().getByTestId('delete-plan').count()).resolves.toBe(0);
    await expect(stored()).resolves.toMatchObject({ published: true, status: 'open' });
  });

  it('refuses to change a published plan but its end, with the server message; a later end is saved', async () => {
    await row().getByTestId('edit-plan').click();
    await page.getByTestId('plan-form').waitFor();
    await page.getByTestId('plan-published-notice').getByText('该申报计划已发布，只能延长申报截止时间。').waitFor();
    await expect(page.getByTestId('plan-name').inputValue()).resolves.toBe(name);

    await page.getByTestId('plan-name').fill(`${name}改`);
    const refused = page.waitForResponse((r) => r.request().method() === 'PATCH');
    await page.getByTestId('plan-submit').click();
    expect((await refused).status()).toBe(409);
    await page.getByTestId('plan-error').getByText('申报计划已发布，只能延长申报截止时间').waitFor();

    const laterEnd = new Date(endsAt.getTime() + 24 * 60 * 60 * 1000);
    await page.getByTestId('plan-name').fill(name);
    await pickWindow(page, 'plan-window', startsAt, laterEnd);
    const saved = page.waitForResponse((r) => r.request().method() === 'PATCH');
    await page.getByTestId('plan-submit').click();
    const answer = await saved;
    expect(answer.status()).toBe(200);
    // Only the end was sent, with the version the edit started from.
    expect(Object.keys(answer.request().postDataJSON()).sort()).toEqual(['endsAt', 'version']);
    await page.getByTestId('plan-form').waitFor({ state: 'hidden' });
    await row().getByText(windowText(startsAt, laterEnd)).waitFor();
  });

  it('shows the published plan to a city reviewer of the province, read-only', async () => {
    const city = await cityReviewer(HAINAN, HAIKOU);
    const { context: cityContext, page: cityPage } = await newPage(browser);
    try {
      await signInToConsole(cityPage, city.username, city.password);
      await cityPage.getByTestId('nav-plans').click();
      const cityRow = cityPage.getByTestId('plan-table').locator(`tbody tr[data-plan="${name}"]`);
      await cityRow.waitFor();
      const headings = (await cityPage.getByTestId('plan-table').locator('thead th').allTextContents()).map((t) => t.trim()).filter(Boolean);
      expect(headings).toEqual(['申报批次', '年度', '申报时间', '是否要求按专业填报', '是否需要地市级教育局审批', '状态', '发布']);
      await expect(cityRow.getByTestId('plan-published').textContent()).resolves.toBe('已发布');
      await expect(cityPage.getByTestId('create-plan').count()).resolves.toBe(0);
      await expect(cityRow.getByTestId('edit-plan').count()).resolves.toBe(0);
    } finally {
      await cityContext.close();
    }
  });
});
