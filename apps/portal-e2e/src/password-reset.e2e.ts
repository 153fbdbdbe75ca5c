import type { Page } from 'playwright-core';
import { freshPageForEachTest, PORTAL_URL } from './support/browser';
import { freshPassword, latestSmsCode, registerCollege, RegisteredCollege } from '@pilot/test-kit';
import { CaptchaWatch, shownError, signIn } from './support/portal';

describe('portal: 忘记密码 — a college sets a new password with a code sent to its phone', () => {
  let page: Page;
  let captchas: CaptchaWatch;

  freshPageForEachTest((opened) => {
    ({ page } = opened);
    captchas = new CaptchaWatch(page);
  });

  /** Sends the reset code from the open page, then sets `newPassword` with it. */
  async function resetWithCode(account: RegisteredCollege, newPassword: string): Promise<void> {
    await captchas.solve();
    const sent = page.waitForResponse((r) => r.url().endsWith('/auth/sms-codes'));
    await page.getByTestId('send-sms-code').click();
    expect((await sent).status()).toBe(202);
    await page.getByTestId('sms-sent').waitFor();
    await page.getByTestId('sms-code').fill(await latestSmsCode(account.phone, 'reset-password'));
    await page.getByText('密码长度为8-32位，且至少包含大写字母、小写字母、数字、符号中的三种').first().waitFor();
    await page.getByTestId('new-password').fill(newPassword);
    await page.getByTestId('confirm-password').fill(newPassword);
    await page.getByTestId('reset-submit').click();
    await page.getByTestId('reset-done').getByText('密码已重置，请使用新密码登录').waitFor();
  }

  /** On /login: the old password is refused with the server's message, the new one signs in. */
  async function onlyTheNewPasswordWorks(account: RegisteredCollege, newPassword: string): Promise<void> {
    await signIn(page, captchas, account.username, account.password);
    expect(await shownError(page)).toBe('账号或密码错误');
    await signIn(page, captchas, account.username, newPassword);
    // The college chose this password itself, so it goes on to its basic information.
    await page.waitForURL(/\/profile$/);
  }

  it('resets the password by the phone number the college registered with', async () => {
    const account = await registerCollege();
    await page.goto(`${PORTAL_URL}/login`);
    await page.getByTestId('forgot-link').click();
    await page.waitForURL(/\/forgot-password$/);

    await page.getByTestId('by-phone').click();
    await page.getByTestId('reset-phone').fill(account.phone);
    const newPassword = freshPassword();
    await resetWithCode(account, newPassword);

    await page.getByTestId('reset-login').click();
    await page.waitForURL(/\/login$/);
    await onlyTheNewPasswordWorks(account, newPassword);
  });

  it('resets the password by the account name, the code going to the account\'s phone', async () => {
    const account = await registerCollege();
    await page.goto(`${PORTAL_URL}/forgot-password`);

    await page.getByTestId('by-username').click();
    await page.getByTestId('reset-username').fill(account.username);
    const newPassword = freshPassword();
    await resetWithCode(account, newPassword);

    await page.getByTestId('reset-login').click();
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('username') === account.username);
    await expect(page.getByTestId('username').inputValue()).resolves.toBe(account.username);
    await onlyTheNewPasswordWorks(account, newPassword);
  });

  it('refuses a wrong SMS code with the server\'s message and keeps the old password', async () => {
    const account = await registerCollege();
    await page.goto(`${PORTAL_URL}/forgot-password`);
    await page.getByTestId('reset-username').fill(account.username);
    await captchas.solve();
    await page.getByTestId('send-sms-code').click();
    await page.getByTestId('sms-sent').waitFor();
    const code = await latestSmsCode(account.phone, 'reset-password');
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    await page.getByTestId('sms-code').fill(wrong);
    const newPassword = freshPassword();
    await page.getByTestId('new-password').fill(newPassword);
    await page.getByTestId('confirm-password').fill(newPassword);
    await page.getByTestId('reset-submit').click();
    expect(await shownError(page)).toBe('短信验证码错误');

    await page.goto(`${PORTAL_URL}/login`);
    await signIn(page, captchas, account.username, account.password);
    await page.waitForURL(/\/change-password$/);
  });
});
