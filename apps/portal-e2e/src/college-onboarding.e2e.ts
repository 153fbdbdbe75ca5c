import type { Page } from 'playwright-core';
import { freshPageForEachTest, PORTAL_URL } from './support/browser';
import { freshPassword, freshPhone, inbox, latestSmsCode, login, testCollege } from '@pilot/test-kit';
import { CaptchaWatch, chooseCollege, chooseProvince, signIn } from './support/portal';

describe('portal: a new college registers, changes its initial password, fills in its basic information and reaches the workspace', () => {
  let page: Page;
  let captchas: CaptchaWatch;

  freshPageForEachTest((opened) => {
    ({ page } = opened);
    captchas = new CaptchaWatch(page);
  });

  it('registers with a code sent to its phone, shows the account and initial password once, and leads the college from sign-in to its workspace', async () => {
    const college = await testCollege('370000');
    const phone = freshPhone();

    // 注册账号: province, college from the directory, identification code, phone.
    await page.goto(`${PORTAL_URL}/login`);
    await page.getByTestId('register-link').click();
    await page.waitForURL(/\/register$/);
    await chooseProvince(page, '山东省');
    await chooseCollege(page, college.name);
    await page.getByTestId('identification-code').fill(college.identificationCode);
    await page.getByTestId('phone').fill(phone);

    // 获取验证码 needs the captcha; the button then counts down from 60 seconds.
    await captchas.solve();
    const sent = page.waitForResponse((r) => r.url().endsWith('/auth/sms-codes'));
    await page.getByTestId('send-sms-code').click();
    expect((await sent).status()).toBe(202);
    const sendButton = page.getByTestId('send-sms-code');
    await page.waitForFunction(
      () => /^\d+秒后重新获取$/.test(document.querySelector('[data-testid="send-sms-code"]')?.textContent?.trim() ?? ''),
    );
    expect((await sendButton.textContent())?.trim()).toMatch(/^(60|59|58)秒后重新获取$/);
    await expect(sendButton.isDisabled()).resolves.toBe(true);

    await page.getByTestId('sms-code').fill(await latestSmsCode(phone, 'register'));
    await page.getByTestId('register-submit').click();

    // The credentials, shown once, match the SMS the college received.
    await page.getByTestId('register-result').waitFor();
    const username = (await page.getByTestId('result-username').textContent())?.trim() ?? '';
    const initialPassword = (await page.getByTestId('result-password').textContent())?.trim() ?? '';
    expect(username).toBe(college.identificationCode);
    expect(initialPassword.length).toBeGreaterThanOrEqual(8);
    await expect(page.getByTestId('result-college').textContent()).resolves.toContain(college.name);
    await expect(page.getByTestId('result-warning').textContent()).resolves.toContain('仅在此显示一次');
    const accountSms = (await inbox(phone)).find((m) => m.text.includes('贵校账号已开通'));
    expect(accountSms?.text).toContain(`账号：${username}，初始密码：${initialPassword}，`);

    // The password is kept nowhere in the browser but on the screen.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).not.toContain(initialPassword);
    expect(page.url()).not.toContain(initialPassword);

    // 开始申报试点证书 → sign in, the account filled in.
    await page.getByTestId('start-applying').click();
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('username') === username);
    await expect(page.getByTestId('username').inputValue()).resolves.toBe(username);
    expect(page.url()).not.toContain(initialPassword);
    await signIn(page, captchas, username, initialPassword);

    // The initial password came by SMS: it must be changed first, and the other pages wait.
    await page.waitForURL(/\/change-password$/);
    await page.getByTestId('must-change-password').getByText('首次登录请先修改初始密码').waitFor();
    await page.goto(`${PORTAL_URL}/workspace`);
    await page.waitForURL(/\/change-password$/);

    const newPassword = freshPassword();
    await page.getByTestId('old-password').fill(initialPassword);
    await page.getByTestId('new-password').fill('weakpass');
    await page.getByTestId('confirm-password').fill('weakpass');
    await page.getByTestId('change-password-submit').click();
    await page.getByText('密码长度为8-32位，且至少包含大写字母、小写字母、数字、符号中的三种').first().waitFor();
    await page.getByTestId('new-password').fill(newPassword);
    await page.getByTestId('confirm-password').fill(newPassword);
    await page.getByTestId('change-password-submit').click();

    // 完善院校基础信息: the directory's facts are shown, the rest is filled in.
    await page.waitForURL(/\/profile$/);
    await expect(page.getByTestId('college-name').textContent()).resolves.toContain(college.name);
    await expect(page.getByTestId('college-code').textContent()).resolves.toContain(college.identificationCode);
    await expect(page.getByTestId('college-province').textContent()).resolves.toContain('山东省');
    // Nothing is sent while required fields are empty; each says what it needs.
    await page.getByTestId('profile-submit').click();
    await page.locator('.ant-form-item-explain-error', { hasText: '请填写通讯地址' }).waitFor();
    await page.locator('.ant-form-item-explain-error', { hasText: '请填写校长姓名' }).waitFor();

    await page.getByTestId('college-type').click();
    await page.locator('nz-option-item', { hasText: '高职' }).click();
    await page.getByTestId('address').fill('山东省济南市历下区经十路100号');
    await page.getByTestId('postal-code').fill('25001');
    await page.getByTestId('principal-name').fill('张校长');
    await page.getByTestId('leader-name').fill('李副校长');
    await page.getByTestId('contact-name').fill('王老师');
    await page.getByTestId('contact-phone').fill('0531-12345678');
    await page.getByTestId('email').fill('not-an-email');
    await page.getByTestId('full-time-teachers').fill('320');
    await page.getByTestId('students').fill('8600');
    await page.getByTestId('description').fill('一所以商贸、信息技术类专业为主的高等职业院校。');
    await page.getByTestId('profile-submit').click();
    // Wrong formats are caught before anything is sent.
    await page.getByText('邮政编码应为6位数字').waitFor();
    await page.getByText('电子邮箱格式不正确').waitFor();
    await page.getByTestId('postal-code').fill('250014');
    await page.getByTestId('email').fill('office@example.edu.cn');
    const saved = page.waitForResponse((r) => r.url().endsWith('/college/profile') && r.request().method() === 'PUT');
    await page.getByTestId('profile-submit').click();
    expect((await saved).status()).toBe(200);
    await page.getByText('基础信息已保存').waitFor();

    // 申报工作台: step one done; step two leads to the province's application plans.
    await page.waitForURL(/\/workspace$/);
    await expect(page.getByTestId('workspace-college').textContent()).resolves.toContain(college.name);
    await page.getByTestId('open-applications').click();
    await page.waitForURL(/\/applications$/);
    await page.getByTestId('plans-title').getByText('山东省教育厅的申报计划').waitFor();
    await page.goto(`${PORTAL_URL}/workspace`);
    await page.getByTestId('edit-profile').click();
    await page.waitForURL(/\/profile$/);
    await expect(page.getByTestId('postal-code').inputValue()).resolves.toBe('250014');
    await page.goto(`${PORTAL_URL}/workspace`);
    await expect(page.getByTestId('current-user').textContent()).resolves.toContain(college.name);

    // 退出登录 ends the session: the workspace asks for sign-in again.
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login$/);
    await page.getByTestId('logout').waitFor({ state: 'detached' });
    await page.goto(`${PORTAL_URL}/workspace`);
    await page.waitForURL(/\/login$/);

    // Only the new password opens the account now, straight into the workspace.
    expect((await login(username, initialPassword)).status).toBe(401);
    await signIn(page, captchas, username, newPassword);
    await page.waitForURL(/\/workspace$/);
  });
});
