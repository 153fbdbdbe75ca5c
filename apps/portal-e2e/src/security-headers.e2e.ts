import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import type { CertificateView, PlanView } from '@pilot/contracts';
import { ADMIN_PASSWORD, ADMIN_USERNAME, beijingYear, collegeReadyToApply, demoCertificates, provinceReviewer, publishedPlan, uniquePlanName } from '@pilot/test-kit';
import { CONSOLE_URL, PORTAL_URL, freshPageForEachTest } from './support/browser';
import { openApplications, openNewApplication } from './support/applying';
import { signInToConsole } from './support/console-session';
import { CaptchaWatch } from './support/portal';
import { eventually } from './support/waiting';

/** 山西: no other browser or API test writes plans there. */
const SHANXI = '140000';
const HOUR = 3_600_000;
const APPS = [
  { app: 'portal', url: PORTAL_URL },
  { app: 'console', url: CONSOLE_URL },
];

/** The CSP's directives, each with its sources. */
function directives(policy: string | undefined): Map<string, string[]> {
  const parsed = new Map<string, string[]>();
  for (const part of (policy ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) parsed.set(name.toLowerCase(), sources);
  }
  return parsed;
}

/** What every answer of a front end's static server carries, whatever the file. */
function expectSecurityHeaders(headers: Headers, what: string): void {
  const csp = directives(headers.get('content-security-policy') ?? undefined);
  expect({ what, scriptSrc: csp.get('script-src') }).toEqual({ what, scriptSrc: ["'self'"] });
  expect({ what, frameAncestors: csp.get('frame-ancestors') }).toEqual({ what, frameAncestors: ["'none'"] });
  expect({ what, objectSrc: csp.get('object-src') }).toEqual({ what, objectSrc: ["'none'"] });
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('connect-src')).toEqual(["'self'"]);
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(['no-referrer', 'strict-origin-when-cross-origin']).toContain(headers.get('referrer-policy'));
  for (const feature of ['camera', 'microphone', 'geolocation']) {
    expect(headers.get('permissions-policy')).toContain(`${feature}=()`);
  }
}

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

/**
 * Everything the page reports about its security policies: `securitypolicyviolation` events
 * (listened for before any of the app's code runs, on every document the page loads) and the
 * browser's console lines about CSP or Permissions-Policy.
 */
async function watchPolicies(page: Page): Promise<{ violations: Violation[]; consoleLines: string[] }> {
  const seen = { violations: [] as Violation[], consoleLines: [] as string[] };
  await page.exposeFunction('__reportPolicyViolation', (violation: Violation) => seen.violations.push(violation));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportPolicyViolation(v: Violation): void }).__reportPolicyViolation({
        directive: event.violatedDirective,
        blocked: event.blockedURI,
        sample: event.sample,
      });
    });
  });
  page.on('console', (message) => {
    if (/content security policy|permissions-policy|refused to/i.test(message.text())) seen.consoleLines.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => seen.consoleLines.push(`pageerror: ${error.message}`));
  return seen;
}

/** Proves the watch hears the policy: an inline script is refused, and reported. */
async function inlineScriptIsRefused(page: Page, seen: { violations: Violation[]; consoleLines: string[] }): Promise<void> {
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineScriptRan = true';
    document.head.appendChild(script);
    await new Promise((resolve) => setTimeout(resolve, 200));
    return (window as unknown as { __inlineScriptRan?: boolean }).__inlineScriptRan === true;
  });
  expect(ran).toBe(false);
  await eventually(
    'the refused inline script reported',
    async () => seen.violations.some((v) => v.directive === 'script-src-elem') && seen.consoleLines.some((line) => line.includes('inline script')),
  );
  seen.violations.length = 0;
  seen.consoleLines.length = 0;
}

describe('front ends: security headers (CSP, no framing) on every file, and the apps work under them', () => {
  let page: Page;

  freshPageForEachTest((opened) => {
    ({ page } = opened);
  });

  it.each(APPS)('$app sends the CSP, X-Frame-Options DENY, Referrer-Policy, Permissions-Policy and nosniff on the page, its routes and its bundles', async ({ url }) => {
    const index = await fetch(`${url}/`);
    expectSecurityHeaders(index.headers, `${url}/`);
    const html = await index.text();
    // The page carries no inline script or event handler the CSP would refuse.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);

    expectSecurityHeaders((await fetch(`${url}/login?returnUrl=%2F`)).headers, `${url}/login`);
    const bundles = [...html.matchAll(/(?:src|href)="([^"]+-[A-Z0-9]{8}\.(?:js|css))"/g)].map((match) => match[1]);
    expect(bundles.length).toBeGreaterThan(1);
    for (const bundle of bundles) {
      const answer = await fetch(`${url}/${bundle}`);
      expect({ bundle, status: answer.status }).toEqual({ bundle, status: 200 });
      expectSecurityHeaders(answer.headers, bundle);
    }
  });

  it.each(APPS)('$app cannot be framed by a page of another origin', async ({ url }) => {
    // A real server of its own (another port is another origin): a page that Playwright made up
    // would count as a public address, and Chromium keeps those from loading loopback frames at all.
    const framer = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><iframe id="victim" src="${url}/login" width="800" height="600"></iframe>`);
    });
    await new Promise<void>((resolve) => framer.listen(0, '127.0.0.1', resolve));
    try {
      const appCode: string[] = [];
      page.on('request', (request) => {
        if (request.frame() !== page.mainFrame() && /\.js$/.test(new URL(request.url()).pathname)) appCode.push(request.url());
      });
      const framed = page.waitForResponse((r) => r.url().startsWith(`${url}/login`));
      await page.goto(`http://127.0.0.1:${(framer.address() as AddressInfo).port}/`);
      expect((await framed).status()).toBe(200);
      await page.waitForTimeout(1_000);

      const victim = page.frames().find((frame) => frame !== page.mainFrame());
      expect(victim).toBeDefined();
      // Refused by frame-ancestors: the frame holds the browser's error page, never the app.
      expect(victim?.url()).not.toContain(url);
      expect(appCode).toEqual([]);
    } finally {
      await new Promise((resolve) => framer.close(resolve));
    }
  });

  it('the portal: a college signs in and opens its applications and the application form, with no policy violation', async () => {
    const reviewer = await provinceReviewer(SHANXI);
    const certificates: CertificateView[] = await demoCertificates(reviewer.token, 1);
    const plan: PlanView = await publishedPlan(reviewer.token, {
      year: beijingYear(),
      name: uniquePlanName(),
      startsAt: new Date(Date.now() - HOUR).toISOString(),
      endsAt: new Date(Date.now() + 2 * HOUR).toISOString(),
      byMajor: false,
      cityApprovalRequired: false,
      certificates: certificates.map((certificate) => ({ certificateId: certificate.id })),
    });
    const college = await collegeReadyToApply(SHANXI);

    const seen = await watchPolicies(page);
    const captchas = new CaptchaWatch(page);
    await page.goto(`${PORTAL_URL}/`);
    await page.getByTestId('login-entry').waitFor();
    await inlineScriptIsRefused(page, seen);

    await openApplications(page, captchas, college);
    const dialog = await openNewApplication(page, plan);
    // The rich-text editors draw their toolbars and set inline styles.
    await dialog.getByTestId('teachers-editor').locator('.ql-toolbar').waitFor();
    await dialog.getByTestId('teachers-editor').locator('.ql-editor').click();
    await page.keyboard.type('专职教师12名');
    await page.goto(`${PORTAL_URL}/profile`);
    await page.getByTestId('back-to-workspace').first().waitFor();

    expect(seen).toEqual({ violations: [], consoleLines: [] });
  });

  it('the console: the administrator signs in and opens the provinces, catalogues, directory, reviewers and plans, with no policy violation', async () => {
    const seen = await watchPolicies(page);
    await page.goto(`${CONSOLE_URL}/login`);
    await page.getByTestId('captcha-image').waitFor();
    await inlineScriptIsRefused(page, seen);

    await signInToConsole(page, ADMIN_USERNAME, ADMIN_PASSWORD);
    await page.getByTestId('province-table').locator('tbody tr.ant-table-row').first().waitFor();
    for (const [nav, table] of [
      ['nav-certificates', 'certificate-table'],
      ['nav-majors', 'major-table'],
      ['nav-colleges', 'directory-table'],
      ['nav-reviewers', 'reviewer-table'],
      ['nav-plans', 'plan-table'],
    ]) {
      await page.getByTestId(nav).click();
      await page.getByTestId(table).waitFor();
    }

    expect(seen).toEqual({ violations: [], consoleLines: [] });
  });
});
