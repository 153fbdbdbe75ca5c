import type { Page } from 'playwright-core';
import { captchaAnswer } from '@pilot/test-kit';

/**
 * Follows the captchas a page loads (every answer to GET /auth/captcha) and answers the one the
 * page shows: its picture is matched with the SVG of a loaded captcha. A captcha is single-use
 * and the page fetches a new one after each attempt, so each solve waits for one not yet used.
 */
export class CaptchaWatch {
  private readonly bySvg = new Map<string, string>();
  private readonly used = new Set<string>();

  constructor(private readonly page: Page) {
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.endsWith('/auth/captcha') && response.ok()) {
        void response
          .json()
          .then((body: { captchaId: string; svg: string }) => this.bySvg.set(body.svg, body.captchaId))
          .catch(() => undefined);
      }
    });
  }

  /** Types the right answer for the captcha the page shows. */
  async solve(): Promise<void> {
    await this.page.getByTestId('captcha-input').fill(await captchaAnswer(await this.shown()));
  }

  /** Types a wrong answer (the right one with its first character changed). */
  async answerWrongly(): Promise<void> {
    const answer = await captchaAnswer(await this.shown());
    const wrong = (answer[0].toLowerCase() === 'x' ? 'y' : 'x') + answer.slice(1);
    await this.page.getByTestId('captcha-input').fill(wrong);
  }

  /** The id of the captcha on the screen, once it is one not answered before. */
  private async shown(): Promise<string> {
    const image = this.page.getByTestId('captcha-image');
    for (let attempt = 0; attempt < 100; attempt++) {
      const src = (await image.count()) ? await image.getAttribute('src') : null;
      const id = src ? this.bySvg.get(decodeURIComponent(src.slice(src.indexOf(',') + 1))) : undefined;
      if (id && !this.used.has(id)) {
        this.used.add(id);
        return id;
      }
      await this.page.waitForTimeout(100);
    }
    throw new Error('the page shows no new captcha');
  }
}

/** The error the page shows for a refused request (the server's own message). */
export async function shownError(page: Page): Promise<string> {
  const alert = page.getByTestId('api-error');
  await alert.waitFor();
  return (await alert.locator('.ant-alert-message').textContent())?.trim() ?? '';
}

/** Fills in /login (already open) with a solved captcha and submits. */
export async function signIn(page: Page, captchas: CaptchaWatch, username: string, password: string): Promise<void> {
  await page.getByTestId('username').fill(username);
  await page.getByTestId('password').fill(password);
  await captchas.solve();
  await page.getByTestId('login-submit').click();
}

/** Picks the province in the registration form's province select. */
export async function chooseProvince(page: Page, name: string): Promise<void> {
  const select = page.getByTestId('province-select');
  await select.click();
  await select.locator('input').fill(name.slice(0, 2));
  await page.locator('.province-select-dropdown nz-option-item', { hasText: name }).first().click();
  await select.locator('.ant-select-selection-item', { hasText: name }).waitFor();
}

/** Searches the directory for the college by its name and picks it. */
export async function chooseCollege(page: Page, name: string): Promise<void> {
  const select = page.getByTestId('college-select');
  await select.click();
  const searched = page.waitForResponse((r) => new URL(r.url()).searchParams.get('q') === name);
  await select.locator('input').fill(name);
  await searched;
  await page.locator(`.college-select-dropdown nz-option-item[title="${name}"]`).click();
  await select.locator('.ant-select-selection-item', { hasText: name }).waitFor();
}
