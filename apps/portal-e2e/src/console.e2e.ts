import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CONSOLE_URL, launchBrowser, newPage } from './support/browser';
import { signInToConsole } from './support/console-session';
import { ADMIN_PASSWORD, ADMIN_USERNAME } from '@pilot/test-kit';

describe('console: 各省教育行政部门', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ context, page } = await newPage(browser));
    await signInToConsole(page, ADMIN_USERNAME, ADMIN_PASSWORD);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('lists the 31 provinces with their education departments', async () => {
    await page.goto(`${CONSOLE_URL}/`);
    await page.getByText('1+X证书试点申报平台 · 审核端').waitFor();
    const rows = page.getByTestId('province-table').locator('tbody tr.ant-table-row');
    await rows.nth(30).waitFor();
    expect(await rows.count()).toBe(31);

    const beijing = rows.filter({ hasText: '北京市教育委员会' });
    await expect(beijing.count()).resolves.toBe(1);
    const cells = (await beijing.locator('td').allTextContents()).map((t) => t.trim());
    expect(cells).toEqual([expect.stringMatching(/^\d{6}$/), '北京市', '北京市教育委员会']);
  });
});
