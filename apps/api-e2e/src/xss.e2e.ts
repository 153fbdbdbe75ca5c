import { ErrorCatalog } from '@pilot/contracts';
import { launchBrowser } from '@pilot/test-kit';
import type { Browser, Page } from 'playwright-core';
import { survivorsIn } from './probes/html-survivors';
import { RICH_TEXT_FIELDS } from './probes/rich-text-fields';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The XSS vectors (probes/xss-vectors.json) written into every rich-text field the API keeps
 * (probes/rich-text-fields.ts), and what the API gives back parsed by Chromium: no vector may
 * survive, that is leave a script, an event handler, a javascript:/data: URL, a style, an
 * iframe or the like in what readers get.
 */

interface Vector {
  name: string;
  html: string;
  /**
   * Harmless to a browser as it stands (text, or markup a browser drops), sent for what a careless
   * sanitiser could make of it; every other vector must be caught by the check before sanitising.
   */
  inert?: boolean;
}

const VECTORS = JSON.parse(readFileSync(join(__dirname, 'probes/xss-vectors.json'), 'utf8')) as Vector[];
/** Some text beside each vector, so an answer is kept (a field left without text is refused) and its HTML inspected. */
const withText = (html: string) => `${html}<p>师资与场地说明</p>`;

describe('rich text keeps no XSS vector', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('has classic vectors to send, and the check finds each of them before sanitising', async () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(50);
    const unnoticed: string[] = [];
    for (const vector of VECTORS.filter((v) => !v.inert)) {
      if ((await survivorsIn(page, vector.html)).length === 0) unnoticed.push(vector.name);
    }
    expect(unnoticed).toEqual([]);
  });

  it.each(RICH_TEXT_FIELDS.map((field) => [field.name, field] as const))('lets none survive in %s', async (_name, field) => {
    const write = await field.open();
    const surviving: string[] = [];
    const wrongAnswers: string[] = [];
    let refused = 0;
    for (const vector of VECTORS) {
      const written = await write(withText(vector.html));
      if (written.status >= 400 && written.status < 500) {
        const code = (written.body as { code?: string } | undefined)?.code;
        if (!code || !(code in ErrorCatalog)) wrongAnswers.push(`${vector.name}: ${written.status} ${JSON.stringify(written.body)}`);
        refused += 1;
        continue;
      }
      if (written.status >= 300) {
        wrongAnswers.push(`${vector.name}: ${written.status} ${JSON.stringify(written.body)}`);
        continue;
      }
      for (const html of written.returned) {
        const found = await survivorsIn(page, html);
        if (found.length > 0) surviving.push(`${vector.name}: ${found.join('; ')} in ${html.slice(0, 120)}`);
      }
    }
    process.stdout.write(`XSS probe: ${field.name}: ${VECTORS.length} vectors, ${refused} refused, vectors surviving = ${surviving.length}\n`);
    expect(wrongAnswers).toEqual([]);
    expect(surviving).toEqual([]);
  }, 120_000);
});
