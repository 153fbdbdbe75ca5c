import type { Page } from 'playwright-core';

/**
 * What a failing browser test printed used to be a timeout and a selector. This keeps, for every
 * open page, the API's refusals and the page's own errors, and when a test fails it prints them
 * with the page's address and the alerts on screen, and saves a screenshot.
 */
interface Witness {
  refusals: string[];
  pageErrors: string[];
}

const KEPT = 10;
const witnesses = new Map<Page, Witness>();

function keep(list: string[], entry: string): void {
  list.push(entry);
  if (list.length > KEPT) list.shift();
}

export function watchForFailureReport(page: Page): void {
  const witness: Witness = { refusals: [], pageErrors: [] };
  witnesses.set(page, witness);
  page.on('close', () => witnesses.delete(page));
  page.on('pageerror', (error) => keep(witness.pageErrors, error.message));
  page.on('response', (response) => {
    if (response.status() < 400 || !new URL(response.url()).pathname.includes('/api/')) return;
    void response
      .text()
      .then((body) => keep(witness.refusals, `${response.request().method()} ${new URL(response.url()).pathname} ${response.status()} ${body.slice(0, 200)}`))
      .catch(() => undefined);
  });
}

async function describe(page: Page, witness: Witness, name: string): Promise<string> {
  const alerts = await page
    .locator('.ant-alert-message, .ant-message-notice, .ant-form-item-explain-error')
    .allTextContents()
    .catch(() => []);
  await page.screenshot({ path: name, fullPage: true }).catch(() => undefined);
  return JSON.stringify({ url: page.url(), alerts, refusals: witness.refusals, pageErrors: witness.pageErrors, screenshot: name }, null, 1);
}

/** Prints what every open page showed, when the test that just ran failed. */
export async function reportOpenPagesOnFailure(screenshotPath: (name: string) => string): Promise<void> {
  if (!(globalThis as { __testFailed?: boolean }).__testFailed) return;
  const test = (expect.getState().currentTestName ?? 'test').replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
  let index = 0;
  for (const [page, witness] of witnesses) {
    if (page.isClosed()) continue;
    console.log(`failed test's page ${++index}: ${await describe(page, witness, screenshotPath(`failed-${test}-${index}`))}`);
  }
}
