import type { Page } from 'playwright-core';
import { freshPhone, latestSmsCode, testCollege } from '@pilot/test-kit';
import { collectOptionLabels, freshPageForEachTest, PORTAL_URL, screenshotPath } from './support/browser';
import { CaptchaWatch, chooseCollege, chooseProvince as pickProvince } from './support/portal';

describe('portal: 注册账号 (registration page)', () => {
  let page: Page;

  freshPageForEachTest((opened) => {
    ({ page } = opened);
  });

  const provinceSelect = () => page.getByTestId('province-select');
  const collegeSelect = () => page.getByTestId('college-select');
  const provinceDropdown = () => page.locator('.province-select-dropdown');
  const collegeDropdown = () => page.locator('.college-select-dropdown');

  async function chooseProvince(name: string): Promise<void> {
    await provinceSelect().click();
    await provinceSelect().locator('input').fill(name.slice(0, 2));
    await provinceDropdown().locator('nz-option-item', { hasText: name }).first().click();
    await expect(provinceSelect().locator('.ant-select-selection-item').textContent()).resolves.toContain(name);
  }

  it('reaches the registration page from the landing page', async () => {
    await page.goto(`${PORTAL_URL}/`);
    await page.getByText('1+X证书试点申报平台 · 院校端').waitFor();
    await page.getByTestId('register-entry').click();
    await page.waitForURL(/\/register$/);
    await page.getByText('注册账号').first().waitFor();
  });

  it('loads the 31 provinces, searches the chosen province\'s colleges on the server and validates the form', async () => {
    const provincesResponse = page.waitForResponse((r) => r.url().endsWith('/api/v1/regions/provinces'));
    await page.goto(`${PORTAL_URL}/register`);
    expect((await provincesResponse).status()).toBe(200);

    // The college select waits for a province.
    await expect(collegeSelect().getAttribute('class')).resolves.toContain('ant-select-disabled');

    // All 31 provinces are in the province select.
    await provinceSelect().click();
    await provinceDropdown().locator('nz-option-item').first().waitFor();
    const provinces = await collectOptionLabels(provinceDropdown());
    expect(provinces).toHaveLength(31);
    expect(provinces).toEqual(expect.arrayContaining(['北京市', '山东省', '广东省', '江苏省']));
    await page.keyboard.press('Escape');

    // Choosing 山东省 enables the college select.
    const firstCollegePage = page.waitForResponse((r) => /\/regions\/provinces\/\d+\/colleges\?/.test(r.url()));
    await chooseProvince('山东省');
    await firstCollegePage;
    await expect(collegeSelect().getAttribute('class')).resolves.not.toContain('ant-select-disabled');

    // Typing searches the directory on the server.
    await collegeSelect().click();
    const searched = page.waitForResponse((r) => {
      const url = new URL(r.url());
      return /\/regions\/provinces\/\d+\/colleges$/.test(url.pathname) && url.searchParams.get('q') === '商业';
    });
    await collegeSelect().locator('input').pressSequentially('商业', { delay: 50 });
    const response = await searched;
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { items: { name: string; registered: boolean }[]; total: number };
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.some((c) => c.name.includes('商业'))).toBe(true);

    const option = collegeDropdown()
      .locator('nz-option-item:not(.ant-select-item-option-disabled)', { hasText: '商业' })
      .first();
    await option.waitFor();
    const shown = (await collegeDropdown().locator('nz-option-item').allTextContents()).map((t) => t.trim());
    for (const college of body.items.slice(0, 5)) {
      expect(shown.some((text) => text.startsWith(college.name))).toBe(true);
    }
    // A college that is already registered is offered but cannot be picked.
    for (const college of body.items.slice(0, 5).filter((c) => c.registered)) {
      const item = collegeDropdown().locator('nz-option-item', { hasText: college.name }).first();
      await expect(item.getAttribute('class')).resolves.toContain('ant-select-item-option-disabled');
      await expect(item.textContent()).resolves.toContain('已注册');
    }

    // Picking one fills the select.
    const picked = (await option.getAttribute('title')) ?? '';
    expect(picked).toContain('商业');
    await option.click();
    await expect(collegeSelect().locator('.ant-select-selection-item').textContent()).resolves.toContain(picked);

    // The identification code must be 10 digits.
    const code = page.getByTestId('identification-code');
    await code.fill('12345');
    await code.blur();
    await page.getByText('院校识别码应为10位数字').waitFor();
    await code.fill('1234567890');
    await page.getByText('院校识别码应为10位数字').waitFor({ state: 'detached' });

    // The phone number must be 11 digits starting with 1.
    const phone = page.getByTestId('phone');
    await phone.fill('2345678901');
    await phone.blur();
    await page.getByText('请输入以1开头的11位手机号').waitFor();
    await phone.fill('13800138000');
    await page.getByText('请输入以1开头的11位手机号').waitFor({ state: 'detached' });

    // Registering needs the SMS code; the form says so before anything is sent.
    await page.getByTestId('register-submit').click();
    await page.getByText('请输入短信验证码').waitFor();
    // Asking for a code needs the captcha answered.
    await page.getByTestId('send-sms-code').click();
    await page.getByText('请输入图形验证码').waitFor();
    await page.getByTestId('captcha-image').waitFor();
    await expect(page.getByTestId('registration-coming-soon').count()).resolves.toBe(0);
    expect(await page.locator('body').textContent()).not.toContain('即将开放');

    // Changing the province resets the college.
    await chooseProvince('广东省');
    await collegeSelect().locator('.ant-select-selection-item').waitFor({ state: 'detached' });
  });

  it('asks the college for the identification code the directory never shows, and marks a wrong one at the field', async () => {
    const college = await testCollege('370000');
    const phone = freshPhone();
    const captchas = new CaptchaWatch(page);
    const directoryAnswers: string[] = [];
    page.on('response', (response) => {
      if (/\/regions\/provinces\/\d+\/colleges/.test(response.url())) void response.text().then((text) => directoryAnswers.push(text));
    });

    await page.goto(`${PORTAL_URL}/register`);
    await page.getByText('即教育部颁发的10位学校标识码').waitFor();
    await pickProvince(page, '山东省');
    await chooseCollege(page, college.name);
    // Nothing the directory sent, and nothing on screen, gives the code away.
    expect(directoryAnswers.length).toBeGreaterThan(0);
    expect(directoryAnswers.some((text) => text.includes(college.identificationCode) || text.includes('identificationCode'))).toBe(false);
    expect(await page.locator('body').textContent()).not.toContain(college.identificationCode);

    const wrongCode = college.identificationCode === '1234567890' ? '1234567891' : '1234567890';
    await page.getByTestId('identification-code').fill(wrongCode);
    await page.getByTestId('phone').fill(phone);
    await captchas.solve();
    await page.getByTestId('send-sms-code').click();
    await page.getByTestId('sms-sent').waitFor();
    await page.getByTestId('sms-code').fill(await latestSmsCode(phone, 'register'));
    await page.getByTestId('register-submit').click();

    // Said at the top and at the field the college types it into again.
    await page.getByTestId('api-error').getByText('院校识别码与所选院校不一致').waitFor();
    await page.getByText('院校识别码与所选院校不一致，请核对后重新输入').waitFor();
    await page.screenshot({ path: screenshotPath('registration-wrong-code'), fullPage: true });

    await page.getByTestId('identification-code').fill(college.identificationCode);
    await page.getByText('院校识别码与所选院校不一致，请核对后重新输入').waitFor({ state: 'detached' });
    await page.getByTestId('register-submit').click();
    await page.getByTestId('register-result').waitFor();
    await expect(page.getByTestId('result-username').textContent()).resolves.toContain(college.identificationCode);
  });
});
