import type { BrowserContext, Page } from 'playwright-core';
import { freshPageForEachTest, PORTAL_URL } from './support/browser';
import { createReviewer, freshPassword, freshPhone, latestSmsCode, login, registerCollege, testCollege, uniqueName } from '@pilot/test-kit';
import { CaptchaWatch, chooseCollege, chooseProvince, shownError, signIn } from './support/portal';

describe('portal: signing in and the rules around it', () => {
  let context: BrowserContext;
  let page: Page;
  let captchas: CaptchaWatch;

  freshPageForEachTest((opened) => {
    ({ context, page } = opened);
    captchas = new CaptchaWatch(page);
  });

  const storedSession = () => page.evaluate(() => localStorage.getItem('pilot.session'));

  it('opens the login page from the landing page, with links to register and to recover a password', async () => {
    await page.goto(`${PORTAL_URL}/`);
    await page.getByTestId('login-entry').click();
    await page.waitForURL(/\/login$/);
    await expect(page.title()).resolves.toBe('登录 · 1+X证书试点申报平台');
    await page.getByText('试点院校登录').waitFor();
    await page.getByTestId('captcha-image').waitFor();
    await expect(page.getByTestId('register-link').getAttribute('href')).resolves.toBe('/register');
    await expect(page.getByTestId('forgot-link').getAttribute('href')).resolves.toBe('/forgot-password');
    expect(await page.locator('body').textContent()).not.toContain('即将开放');
  });

  it('shows a new captcha when asked to (看不清，换一张)', async () => {
    await page.goto(`${PORTAL_URL}/login`);
    const first = await page.getByTestId('captcha-image').getAttribute('src');
    const reloaded = page.waitForResponse((r) => r.url().endsWith('/auth/captcha'));
    await page.getByTestId('captcha-refresh').click();
    await reloaded;
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid="captcha-image"]')?.getAttribute('src') !== before,
      first,
    );
  });

  it('refuses a wrong captcha with the server\'s message, even with the right password, and offers a new one', async () => {
    const account = await registerCollege();
    await page.goto(`${PORTAL_URL}/login?username=${account.username}`);
    await page.getByTestId('password').fill(account.password);
    await captchas.answerWrongly();
    await page.getByTestId('login-submit').click();
    expect(await shownError(page)).toBe('图形验证码错误或已过期，请重新获取');
    expect(await storedSession()).toBeNull();
    // The captcha was used up; the next one, solved, lets the college in.
    await signIn(page, captchas, account.username, account.password);
    await page.waitForURL(/\/change-password$/);
  });

  it('refuses a wrong password with the server\'s message', async () => {
    const account = await registerCollege();
    await page.goto(`${PORTAL_URL}/login`);
    await signIn(page, captchas, account.username, freshPassword());
    expect(await shownError(page)).toBe('账号或密码错误');
    expect(page.url()).toMatch(/\/login$/);
  });

  it('lets only college accounts into the portal: a reviewer is told to use the console and is signed out', async () => {
    const username = uniqueName('sd');
    const password = freshPassword();
    await createReviewer({ username, password, role: 'province_reviewer', provinceCode: '370000' });

    await page.goto(`${PORTAL_URL}/login`);
    await signIn(page, captchas, username, password);
    expect(await shownError(page)).toBe('该账号不是院校账号，请在审核端登录');
    expect(page.url()).toMatch(/\/login$/);
    await page.waitForFunction(() => localStorage.getItem('pilot.session') === null);
    await page.goto(`${PORTAL_URL}/workspace`);
    await page.waitForURL(/\/login$/);
  });

  it('sends visitors who are not signed in from the college\'s pages to the login page', async () => {
    for (const path of ['/workspace', '/profile', '/change-password']) {
      await page.goto(`${PORTAL_URL}${path}`);
      await page.waitForURL(/\/login$/);
    }
  });

  it('leaves a signed-in page for the login page when the college signs out in another tab', async () => {
    const account = await registerCollege();
    await page.goto(`${PORTAL_URL}/login`);
    await signIn(page, captchas, account.username, account.password);
    await page.waitForURL(/\/change-password$/);
    const other = await context.newPage();
    await other.goto(`${PORTAL_URL}/change-password`);
    await other.getByTestId('logout').click();
    await other.waitForURL(/\/login$/);
    await page.waitForURL(/\/login$/);
  });
});

describe('portal: registration refusals show the server\'s message', () => {
  let page: Page;
  let captchas: CaptchaWatch;

  freshPageForEachTest((opened) => {
    ({ page } = opened);
    captchas = new CaptchaWatch(page);
  });

  async function fillRegistration(college: { name: string; identificationCode: string }, phone: string): Promise<void> {
    await page.goto(`${PORTAL_URL}/register`);
    await chooseProvince(page, '山东省');
    await chooseCollege(page, college.name);
    await page.getByTestId('identification-code').fill(college.identificationCode);
    await page.getByTestId('phone').fill(phone);
  }

  it('sends no SMS code for a wrong captcha, and says why', async () => {
    const college = await testCollege();
    const phone = freshPhone();
    await fillRegistration(college, phone);
    await captchas.answerWrongly();
    await page.getByTestId('send-sms-code').click();
    expect(await shownError(page)).toBe('图形验证码错误或已过期，请重新获取');
    await expect(page.getByTestId('send-sms-code').textContent()).resolves.toContain('获取验证码');
    await expect(page.getByTestId('send-sms-code').isDisabled()).resolves.toBe(false);
  });

  it('refuses a wrong SMS code and creates no account', async () => {
    const college = await testCollege();
    const phone = freshPhone();
    await fillRegistration(college, phone);
    await captchas.solve();
    await page.getByTestId('send-sms-code').click();
    await page.getByTestId('sms-sent').waitFor();
    const code = await latestSmsCode(phone, 'register');
    await page.getByTestId('sms-code').fill(String((Number(code) + 1) % 1_000_000).padStart(6, '0'));
    await page.getByTestId('register-submit').click();
    expect(await shownError(page)).toBe('短信验证码错误');
    await expect(page.getByTestId('register-result').count()).resolves.toBe(0);
    expect((await login(college.identificationCode, 'Whatever#123')).body.code).toBe('LOGIN_FAILED');
  });

  it('tells a college that was registered meanwhile to sign in or recover its password', async () => {
    const college = await testCollege();
    const phone = freshPhone();
    await fillRegistration(college, phone);
    await captchas.solve();
    await page.getByTestId('send-sms-code').click();
    await page.getByTestId('sms-sent').waitFor();
    // Someone else registers the same college while this form is being filled in.
    const account = await registerCollege('370000', college);
    await page.getByTestId('sms-code').fill(await latestSmsCode(phone, 'register'));
    await page.getByTestId('register-submit').click();
    expect(await shownError(page)).toBe('该院校已注册账号，请直接登录；如忘记密码，请通过“忘记密码”找回');
    await expect(page.getByTestId('already-registered-forgot').getAttribute('href')).resolves.toBe('/forgot-password');
    await page.getByTestId('already-registered-login').click();
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('username') === account.username);
  });
});
