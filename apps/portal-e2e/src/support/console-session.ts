import type { Page } from 'playwright-core';
import { CONSOLE_URL } from './browser';
import { CaptchaWatch } from './portal';

/**
 * Fills the login form the page shows, the captcha on screen solved, and submits it. Returns the
 * picture of the captcha it answered, which that attempt used up.
 */
export async function submitLogin(page: Page, captchas: CaptchaWatch, username: string, password: string): Promise<string | null> {
  await page.getByTestId('username').fill(username);
  await page.getByTestId('password').fill(password);
  await captchas.solve();
  const answered = await captchaPicture(page);
  await page.getByTestId('login-submit').click();
  return answered;
}

/** Opens the console's login page and signs in; returns once the page has left /login. */
export async function signInToConsole(page: Page, username: string, password: string): Promise<void> {
  const captchas = new CaptchaWatch(page);
  await page.goto(`${CONSOLE_URL}/login`);
  await submitLogin(page, captchas, username, password);
  await page.waitForURL((url) => url.pathname !== '/login');
}

/** The picture of the captcha on screen, to tell a new captcha from the one before. */
export function captchaPicture(page: Page): Promise<string | null> {
  return page.getByTestId('captcha-image').getAttribute('src');
}

/** Waits until the page shows a captcha other than `before`. */
export async function newCaptchaShown(page: Page, before: string | null): Promise<void> {
  await page.waitForFunction(
    (old) => {
      const src = document.querySelector('[data-testid="captcha-image"]')?.getAttribute('src');
      return !!src && src !== old;
    },
    before,
  );
}

/** The menu entries of the console's side menu, in order. */
export async function menuEntries(page: Page): Promise<string[]> {
  const items = page.getByTestId('console-menu').locator('li[nz-menu-item]');
  await items.first().waitFor();
  return (await items.allTextContents()).map((text) => text.trim());
}
