import type { BrowserContext, Page } from 'playwright-core';
import { CONSOLE_URL, freshPageForEachTest } from './support/browser';
import { captchaPicture, menuEntries, newCaptchaShown, signInToConsole, submitLogin } from './support/console-session';
import { ADMIN_PASSWORD, ADMIN_USERNAME, createReviewer, freshPassword, registerCollege, uniqueName } from '@pilot/test-kit';
import { CaptchaWatch } from './support/portal';

const storedSession = (page: Page) => page.evaluate(() => localStorage.getItem('pilot.session'));

describe('console: 审核端登录', () => {
  let context: BrowserContext;
  let page: Page;

  freshPageForEachTest((opened) => {
    ({ context, page } = opened);
  });

  it('sends a signed-out visitor to the login page, and back to the page asked for after signing in', async () => {
    const captchas = new CaptchaWatch(page);
    await page.goto(`${CONSOLE_URL}/reviewers`);
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('returnUrl') === '/reviewers');
    await page.getByRole('heading', { name: '审核端登录' }).waitFor();

    await submitLogin(page, captchas, ADMIN_USERNAME, ADMIN_PASSWORD);
    await page.waitForURL(`${CONSOLE_URL}/reviewers`);
    await page.getByTestId('reviewer-table').waitFor();
  });

  it('signs the administrator in: all menus, the role and the nationwide scope; signing out returns to the login page', async () => {
    await signInToConsole(page, ADMIN_USERNAME, ADMIN_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByTestId('province-table').locator('tbody tr.ant-table-row').nth(30).waitFor();

    await expect(menuEntries(page)).resolves.toEqual(['各省教育行政部门', '申报计划', '证书目录', '专业目录', '院校名录', '审核员账号', '操作日志', '修改密码']);
    await expect(page.getByTestId('current-role').textContent()).resolves.toContain('平台管理员');
    await expect(page.getByTestId('current-scope').textContent()).resolves.toContain('全国');
    expect(await storedSession(page)).not.toBeNull();

    await page.getByTestId('logout').click();
    await page.waitForURL(`${CONSOLE_URL}/login`);
    expect(await storedSession(page)).toBeNull();
    await page.goto(`${CONSOLE_URL}/`);
    await page.waitForURL(`${CONSOLE_URL}/login`);
  });

  it('leaves for the login page as soon as the session ends, here or in another tab', async () => {
    await signInToConsole(page, ADMIN_USERNAME, ADMIN_PASSWORD);
    await page.getByTestId('nav-reviewers').click();
    await page.getByTestId('reviewer-table').waitFor();

    const other = await context.newPage();
    await other.goto(`${CONSOLE_URL}/change-password`);
    await other.getByTestId('logout').click();
    await other.waitForURL(`${CONSOLE_URL}/login`);

    await page.waitForURL(`${CONSOLE_URL}/login`);
    await page.getByRole('heading', { name: '审核端登录' }).waitFor();
  });

  it('refuses a wrong password with 账号或密码错误 and a wrong captcha answer, each time with a new captcha', async () => {
    const username = uniqueName('login');
    const password = freshPassword();
    await createReviewer({ username, password, role: 'province_reviewer', provinceCode: '370000' });

    const captchas = new CaptchaWatch(page);
    await page.goto(`${CONSOLE_URL}/login`);
    const firstCaptcha = await submitLogin(page, captchas, username, password + 'x');
    await page.getByTestId('api-error').getByText('账号或密码错误').waitFor();
    expect(page.url()).toBe(`${CONSOLE_URL}/login`);
    expect(await storedSession(page)).toBeNull();
    await newCaptchaShown(page, firstCaptcha);

    // A wrong captcha answer, on the new captcha the failed attempt brought.
    const afterWrongPassword = await captchaPicture(page);
    await page.getByTestId('password').fill(password);
    await captchas.answerWrongly();
    await page.getByTestId('login-submit').click();
    await page.getByTestId('api-error').getByText('图形验证码错误或已过期，请重新获取').waitFor();
    await newCaptchaShown(page, afterWrongPassword);
    await expect(page.getByTestId('captcha-input').inputValue()).resolves.toBe('');

    await submitLogin(page, captchas, username, password);
    await page.waitForURL(`${CONSOLE_URL}/change-password`);
  });

  it('turns a college account away: 院校账号请在院校端登录, and the session is ended', async () => {
    const college = await registerCollege('370000');
    const captchas = new CaptchaWatch(page);
    await page.goto(`${CONSOLE_URL}/login`);
    const login = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/auth/login'));
    const logout = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/auth/logout'));
    await submitLogin(page, captchas, college.username, college.password);
    // The server accepts the password; the console refuses the role and ends the session there too.
    expect((await login).status()).toBe(200);
    expect((await logout).status()).toBe(204);

    await page.getByTestId('api-error').getByText('院校账号请在院校端登录').waitFor();
    expect(page.url()).toBe(`${CONSOLE_URL}/login`);
    expect(await storedSession(page)).toBeNull();
    await page.goto(`${CONSOLE_URL}/`);
    await page.waitForURL(`${CONSOLE_URL}/login`);
  });
});
