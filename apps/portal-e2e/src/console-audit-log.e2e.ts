import type { Browser, BrowserContext, Page } from 'playwright-core';
import { beijingYear, call, cityReviewer, login, provinceReviewer, sheetRows, uniquePlanName, type ReadyAccount } from '@pilot/test-kit';
import { readFile } from 'node:fs/promises';
import { CONSOLE_URL, launchBrowser, newPage } from './support/browser';
import { menuEntries, signInToConsole } from './support/console-session';

// A province no other browser test works in.
const PROVINCE = '530000';
const HOUR = 3_600_000;
const PLANS = 6;
const PUBLISHED = 2;

/** Today and a day long past, as the date range picker takes them. */
const today = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10);

describe('console: 操作日志', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let reviewer: ReadyAccount;
  const planNames: string[] = [];
  /** The actions of the plans' steps, in the order they were taken. */
  const planSteps: string[] = [];

  const table = () => page.getByTestId('audit-table');
  const rows = () => table().locator('tbody tr[data-entry]');
  const actions = async () => (await rows().getByTestId('entry-action').allTextContents()).map((text) => text.trim());
  const total = async () => (await table().locator('.ant-table-pagination .ant-pagination-total-text').textContent())?.trim();

  /** Runs `change` and waits for the list it asks for. */
  async function listed(change: () => Promise<void>): Promise<void> {
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/audit-log') && r.request().method() === 'GET');
    await change();
    expect((await answered).status()).toBe(200);
    await table().locator('.ant-spin-blur').waitFor({ state: 'detached' });
  }

  async function choose(testId: string, label: string): Promise<void> {
    await page.getByTestId(testId).click();
    await page.locator(`.${testId}-dropdown nz-option-item`, { hasText: label }).first().click();
  }

  async function clear(testId: string): Promise<void> {
    const select = page.getByTestId(testId);
    await select.hover();
    await select.locator('.ant-select-clear').click();
  }

  beforeAll(async () => {
    // The reviewer's own entries: two sign-ins and a password change (opening the account), the plans, a mistyped password.
    reviewer = await provinceReviewer(PROVINCE);
    const window = { year: beijingYear(), startsAt: new Date(Date.now() + 24 * HOUR).toISOString(), endsAt: new Date(Date.now() + 48 * HOUR).toISOString() };
    for (let index = 0; index < PLANS; index++) {
      const plan = await call('POST', '/plans', { ...window, name: uniquePlanName(), byMajor: false, cityApprovalRequired: false }, reviewer.token);
      expect(plan.status).toBe(201);
      planNames.push(plan.body.name);
      planSteps.push('新建申报计划');
      if (index < PUBLISHED) {
        expect((await call('POST', `/plans/${plan.body.id}/publish`, undefined, reviewer.token)).status).toBe(200);
        planSteps.push('发布申报计划');
      }
    }
    expect((await login(reviewer.username, 'Wrong#Pass2026')).body.code).toBe('LOGIN_FAILED');

    browser = await launchBrowser();
    ({ context, page } = await newPage(browser));
    await signInToConsole(page, reviewer.username, reviewer.password);
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('a province reviewer opens 操作日志 from the menu: the newest first, its own sign-in at the top', async () => {
    await expect(menuEntries(page)).resolves.toContain('操作日志');
    await listed(() => page.getByTestId('nav-audit-log').click());
    await page.getByRole('heading', { name: '操作日志' }).waitFor();
    const headings = (await table().locator('thead th').allTextContents()).map((text) => text.trim());
    expect(headings).toEqual(['时间', '操作', '结果', '操作人', '所属范围', '操作对象', '来源']);
    const newest = rows().first();
    await expect(newest.getByTestId('entry-action').textContent()).resolves.toBe('登录');
    await expect(newest.getByTestId('entry-actor').textContent()).resolves.toContain(reviewer.username);
    await expect(newest.getByTestId('entry-actor').textContent()).resolves.toContain('省级教育行政部门审核员');
    await expect(newest.getByTestId('entry-scope').textContent()).resolves.toContain('云南省');
    await expect(newest.getByTestId('entry-address').textContent()).resolves.toMatch(/127\.0\.0\.1|::1/);
  });

  it('filters by actor, and pages through what the filter finds', async () => {
    await page.getByTestId('filter-actor').fill(reviewer.username);
    await listed(() => page.getByTestId('search').click());
    const expected = 3 + PLANS + PUBLISHED + 2;
    expect(await total()).toBe(`共 ${expected} 条记录`);
    expect(await actions()).toEqual(['登录', '登录失败', ...[...planSteps].reverse()]);
    await listed(() => table().locator('.ant-pagination li[title="2"]').click());
    expect(await actions()).toEqual(['登录', '修改密码', '登录']);
  });

  it('filters by action and by outcome, and says why a failure failed', async () => {
    await choose('filter-action', '发布申报计划');
    await listed(() => page.getByTestId('search').click());
    expect(await actions()).toEqual(Array(PUBLISHED).fill('发布申报计划'));
    const targets = (await rows().getByTestId('entry-target').allTextContents()).map((text) => text.trim());
    expect(targets.sort()).toEqual(planNames.slice(0, PUBLISHED).sort());

    await clear('filter-action');
    await choose('filter-outcome', '失败');
    await listed(() => page.getByTestId('search').click());
    expect(await actions()).toEqual(['登录失败']);
    await expect(rows().first().getByTestId('entry-outcome').textContent()).resolves.toBe('失败');
    await expect(rows().first().getByTestId('entry-failure').textContent()).resolves.toBe('账号或密码错误');
    await clear('filter-outcome');
  });

  it('filters by date range', async () => {
    const inputs = page.getByTestId('filter-range').locator('input');
    await inputs.nth(0).click();
    await inputs.nth(0).fill('2020-01-01');
    await inputs.nth(0).press('Enter');
    await inputs.nth(1).fill('2020-01-31');
    await inputs.nth(1).press('Enter');
    await listed(() => page.getByTestId('search').click());
    await table().getByText('暂无符合条件的操作记录').waitFor();

    await inputs.nth(0).click();
    await inputs.nth(0).fill(today);
    await inputs.nth(0).press('Enter');
    await inputs.nth(1).fill(today);
    await inputs.nth(1).press('Enter');
    await listed(() => page.getByTestId('search').click());
    expect(await total()).toBe(`共 ${3 + PLANS + PUBLISHED + 2} 条记录`);
  });

  it('exports what the filters find as a spreadsheet', async () => {
    await choose('filter-action', '新建申报计划');
    await listed(() => page.getByTestId('search').click());
    const downloading = page.waitForEvent('download');
    await page.getByTestId('export').click();
    const sheet = await downloading;
    expect(sheet.suggestedFilename()).toBe(`操作日志${today}.xlsx`);
    const [header, ...lines] = await sheetRows(await readFile(await sheet.path()));
    expect(header.slice(0, 5)).toEqual(['时间', '操作', '结果', '失败原因', '操作人账号']);
    expect(lines).toHaveLength(PLANS);
    expect(lines.every((line) => line[1] === '新建申报计划' && line[4] === reviewer.username)).toBe(true);
    expect(lines.map((line) => line[9]).sort()).toEqual([...planNames].sort());
  });

  it('stays closed to a city reviewer, who has no such menu entry', async () => {
    const city = await cityReviewer(PROVINCE, '530100');
    const cityContext = await newPage(browser);
    try {
      await signInToConsole(cityContext.page, city.username, city.password);
      await expect(menuEntries(cityContext.page)).resolves.not.toContain('操作日志');
      await cityContext.page.goto(`${CONSOLE_URL}/audit-log`);
      await cityContext.page.getByTestId('forbidden').getByText('没有权限访问该页面').waitFor();
    } finally {
      await cityContext.context.close();
    }
  });
});
