import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, platformPort } from '@pilot/test-kit';
import { reportOpenPagesOnFailure, watchForFailureReport } from './failure-report';

export { launchBrowser };

export const PORTAL_URL = (process.env['PORTAL_URL'] ?? `http://127.0.0.1:${platformPort(4200)}`).replace(/\/+$/, '');
export const CONSOLE_URL = (process.env['CONSOLE_URL'] ?? `http://127.0.0.1:${platformPort(4300)}`).replace(/\/+$/, '');

/** Where a screenshot goes, for a person to look at. */
export function screenshotPath(name: string): string {
  return `${process.env['SCREENSHOT_DIR'] ?? '/tmp'}/${name}.png`;
}

export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  watchForFailureReport(page);
  return { context, page };
}

/**
 * The labels of every option in an open ng-zorro select dropdown. ng-zorro renders options in
 * a virtual-scroll viewport (only those near the visible window exist in the DOM), so this
 * scrolls the viewport from top to bottom and collects what it sees.
 */
export async function collectOptionLabels(dropdown: Locator): Promise<string[]> {
  const viewport = dropdown.locator('cdk-virtual-scroll-viewport');
  const labels = new Set<string>();
  await viewport.evaluate((el) => (el.scrollTop = 0));
  for (let step = 0; step < 100; step++) {
    for (const text of await dropdown.locator('nz-option-item').allTextContents()) {
      labels.add(text.trim());
    }
    const atEnd = await viewport.evaluate((el) => {
      const before = el.scrollTop;
      el.scrollTop = before + el.clientHeight / 2;
      return el.scrollTop === before;
    });
    if (atEnd) break;
    await dropdown.page().waitForTimeout(50);
  }
  return [...labels];
}

/**
 * One browser for the test file and a new context and page for every test (nothing carries
 * over: storage, cookies, open tabs); `use` receives them before each test.
 */
export function freshPageForEachTest(use: (opened: { context: BrowserContext; page: Page }) => void): void {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    if (!browser) throw new Error('the browser did not start');
    const opened = await newPage(browser);
    context = opened.context;
    use(opened);
  });

  afterEach(async () => {
    await reportOpenPagesOnFailure(screenshotPath);
    await context?.close();
  });
}
