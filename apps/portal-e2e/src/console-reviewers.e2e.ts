import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { CONSOLE_URL, launchBrowser, newPage } from './support/browser';
import { menuEntries, newCaptchaShown, signInToConsole, submitLogin } from './support/console-session';
import { ADMIN_PASSWORD, ADMIN_USERNAME, freshPhone, uniqueName } from '@pilot/test-kit';
import { CaptchaWatch } from './support/portal';

/** Picks an option of an ng-zorro select by typing part of its label. */
async function choose(page: Page, select: Locator, dropdownClass: string, label: string): Promise<void> {
  await select.click();
  await select.locator('input').fill(label);
  await page.locator(`.${dropdownClass}`).locator('nz-option-item', { hasText: label }).first().click();
  await expect(select.locator('.ant-select-selection-item').textContent()).resolves.toContain(label);
}

describe('console: 审核员账号管理', () => {
  let browser: Browser;
  let adminContext: BrowserContext;
  let admin: Page;

  const provinceReviewer = { username: uniqueName('prov'), name: '山东省审核员', password: '' };
  const cityReviewer = { username: uniqueName('city'), name: '济南市审核员', password: '' };

  const table = () => admin.getByTestId('reviewer-table');
  const row = (username: string) => table().locator(`tbody tr[data-username="${username}"]`);
  const cells = async (username: string) => (await row(username).locator('td').allTextContents()).map((t) => t.trim());
  const dialogError = () => admin.getByTestId('reviewer-error');

  async function fillCommon(username: string, displayName: string): Promise<string> {
    const phone = freshPhone();
    await admin.getByTestId('create-reviewer').click();
    await admin.getByTestId('reviewer-username').fill(username);
    await admin.getByTestId('reviewer-display-name').fill(displayName);
    await admin.getByTestId('reviewer-phone').fill(phone);
    return phone;
  }

  async function submitAndWaitForCreated(username: string): Promise<string> {
    const reload = admin.waitForResponse(
      (r) => r.request().method() === 'GET' && new URL(r.url()).pathname.endsWith('/admin/reviewers'),
    );
    await admin.getByTestId('reviewer-submit').click();
    const notice = admin.getByTestId('reviewer-created');
    await notice.getByText(`已创建审核员账号 ${username}`).waitFor();
    await expect(notice.textContent()).resolves.toContain('首次登录时须修改初始密码');
    await reload;
    await row(username).waitFor();
    await admin.getByTestId('reviewer-form').waitFor({ state: 'hidden' });
    return (await admin.getByTestId('created-password').textContent())?.trim() ?? '';
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ context: adminContext, page: admin } = await newPage(browser));
    await signInToConsole(admin, ADMIN_USERNAME, ADMIN_PASSWORD);
  });

  afterAll(async () => {
    await adminContext?.close();
    await browser?.close();
  });

  it('the administrator opens 审核员账号 from the menu: a paged table of the reviewer accounts', async () => {
    await admin.getByTestId('nav-reviewers').click();
    await admin.waitForURL(`${CONSOLE_URL}/reviewers`);
    await admin.getByRole('heading', { name: '审核员账号管理' }).waitFor();
    const headings = (await table().locator('thead th').allTextContents()).map((t) => t.trim());
    expect(headings).toEqual(['账号', '姓名', '角色', '所属省份', '所属地市', '手机号', '创建时间', '状态', '操作']);
  });

  it('creates a province reviewer with a generated initial password, and lists it', async () => {
    const phone = await fillCommon(provinceReviewer.username, provinceReviewer.name);
    await admin.getByTestId('reviewer-role').getByText('省级审核员').click();
    await choose(admin, admin.getByTestId('reviewer-province'), 'reviewer-province-dropdown', '山东省');
    // A province reviewer has no city to pick.
    await expect(admin.getByTestId('reviewer-city').count()).resolves.toBe(0);

    await admin.getByTestId('reviewer-generate-password').click();
    // The generated password is shown, so that it can be read out or copied.
    const password = admin.locator('input[data-testid="reviewer-password"][type="text"]');
    await password.waitFor();
    const generated = await password.inputValue();
    expect(generated).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)(?=.*[^A-Za-z\d])\S{8,32}$/);

    provinceReviewer.password = await submitAndWaitForCreated(provinceReviewer.username);
    expect(provinceReviewer.password).toBe(generated);
    const shown = await cells(provinceReviewer.username);
    expect(shown.slice(0, 5)).toEqual([provinceReviewer.username, provinceReviewer.name, '省级审核员', '山东省', '—']);
    expect(shown[5]).toBe(phone);
    expect(shown[6]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(shown.slice(7)).toEqual(['正常', '停用']);
  });

  it('creates a city reviewer: the city comes from the chosen province', async () => {
    await fillCommon(cityReviewer.username, cityReviewer.name);
    await admin.getByTestId('reviewer-role').getByText('地市级审核员').click();
    const cities = admin.waitForResponse((r) => /\/regions\/provinces\/370000\/cities$/.test(new URL(r.url()).pathname));
    await choose(admin, admin.getByTestId('reviewer-province'), 'reviewer-province-dropdown', '山东省');
    expect((await cities).status()).toBe(200);
    await choose(admin, admin.getByTestId('reviewer-city'), 'reviewer-city-dropdown', '济南市');

    // The password rule is checked before anything is sent.
    await admin.getByTestId('reviewer-password').fill('abcdefgh');
    await admin.getByTestId('reviewer-submit').click();
    await admin.getByText('密码长度为8-32位，且至少包含大写字母、小写字母、数字、符号中的三种').first().waitFor();
    await expect(admin.locator('.ant-form-item-has-error [data-testid="reviewer-password"]').count()).resolves.toBe(1);

    await admin.getByTestId('reviewer-password').fill('Jinan#2024ok');
    cityReviewer.password = await submitAndWaitForCreated(cityReviewer.username);
    expect(cityReviewer.password).toBe('Jinan#2024ok');
    const shown = await cells(cityReviewer.username);
    expect(shown.slice(0, 5)).toEqual([cityReviewer.username, cityReviewer.name, '地市级审核员', '山东省', '济南市']);
  });

  it('checks the account name rule and shows 该账号名已被使用 for a name already taken', async () => {
    await fillCommon('1abc', '重名测试');
    await choose(admin, admin.getByTestId('reviewer-province'), 'reviewer-province-dropdown', '山东省');
    await admin.getByTestId('reviewer-generate-password').click();
    await admin.getByTestId('reviewer-submit').click();
    await admin.getByText('账号须以字母开头，由4-32位字母、数字或下划线组成').waitFor();

    await admin.getByTestId('reviewer-username').fill(provinceReviewer.username);
    const refused = admin.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/admin/reviewers'),
    );
    await admin.getByTestId('reviewer-submit').click();
    expect((await refused).status()).toBe(409);
    await dialogError().getByText('该账号名已被使用').waitFor();
    // The dialog stays open with what was typed, so the name can be changed.
    await expect(admin.getByTestId('reviewer-username').inputValue()).resolves.toBe(provinceReviewer.username);

    await admin.locator('.ant-modal-footer').getByText('取消').click();
    await admin.getByTestId('reviewer-form').waitFor({ state: 'hidden' });
  });

  it('filters the table by province', async () => {
    const filter = admin.getByTestId('reviewer-province-filter');
    const filtered = admin.waitForResponse((r) => new URL(r.url()).searchParams.get('provinceCode') === '440000');
    await choose(admin, filter, 'reviewer-province-filter-dropdown', '广东省');
    await filtered;
    await row(provinceReviewer.username).waitFor({ state: 'detached' });
    const provinces = await table().locator('tbody tr.ant-table-row td:nth-child(4)').allTextContents();
    expect(provinces.every((name) => name.trim() === '广东省')).toBe(true);

    const shandong = admin.waitForResponse((r) => new URL(r.url()).searchParams.get('provinceCode') === '370000');
    await choose(admin, filter, 'reviewer-province-filter-dropdown', '山东省');
    await shandong;
    await row(provinceReviewer.username).waitFor();
    await row(cityReviewer.username).waitFor();
  });

  describe('the new city reviewer', () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      ({ context, page } = await newPage(browser));
    });

    afterAll(async () => {
      await context?.close();
    });

    it('is refused with a wrong password, then signs in and must change the initial password first', async () => {
      const captchas = new CaptchaWatch(page);
      await page.goto(`${CONSOLE_URL}/login`);
      const spent = await submitLogin(page, captchas, cityReviewer.username, 'Wrong#pass1');
      await page.getByTestId('api-error').getByText('账号或密码错误').waitFor();
      await newCaptchaShown(page, spent);

      await submitLogin(page, captchas, cityReviewer.username, cityReviewer.password);
      await page.waitForURL(`${CONSOLE_URL}/change-password`);
      await page.getByTestId('must-change-password').getByText('首次登录请先修改初始密码').waitFor();
      await expect(menuEntries(page)).resolves.toEqual(['修改密码']);

      // Nothing else opens before the password is changed.
      await page.goto(`${CONSOLE_URL}/`);
      await page.waitForURL(`${CONSOLE_URL}/change-password`);

      await page.getByTestId('old-password').fill(cityReviewer.password);
      await page.getByTestId('new-password').fill('Changed#2024');
      await page.getByTestId('confirm-password').fill('Changed#2024');
      await page.getByTestId('change-password-submit').click();
      await page.waitForURL(`${CONSOLE_URL}/`);
      await page.getByTestId('province-table').waitFor();
    });

    it('sees the console with its role and city, without 审核员账号', async () => {
      await expect(menuEntries(page)).resolves.toEqual(['各省教育行政部门', '申报计划', '申报审核', '证书目录', '专业目录', '院校名录', '修改密码']);
      await expect(page.getByTestId('current-role').textContent()).resolves.toContain('地市级教育局审核员');
      await expect(page.getByTestId('current-scope').textContent()).resolves.toContain('山东省 · 济南市');

      await page.goto(`${CONSOLE_URL}/reviewers`);
      await page.getByTestId('forbidden').getByText('没有权限访问该页面').waitFor();
      await expect(page.getByTestId('reviewer-table').count()).resolves.toBe(0);
    });

    it('signs in with the new password straight to the console', async () => {
      await page.getByTestId('logout').click();
      await page.waitForURL(`${CONSOLE_URL}/login`);
      await signInToConsole(page, cityReviewer.username, 'Changed#2024');
      expect(new URL(page.url()).pathname).toBe('/');
      await page.getByTestId('province-table').waitFor();
    });

    it('is signed out at its next step once the administrator disables the account, and cannot sign in again', async () => {
      const switched = admin.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/disable'));
      await row(cityReviewer.username).getByTestId('disable-reviewer').click();
      await admin.locator('.disable-reviewer-confirm').getByText('停用后该审核员不能再登录，正在使用的登录随即失效。确定停用吗？').waitFor();
      await admin.locator('.disable-reviewer-confirm').getByRole('button', { name: '停用' }).click();
      expect((await switched).status()).toBe(200);
      await admin.getByText(`已停用审核员账号 ${cityReviewer.username}`).waitFor();
      await expect(cells(cityReviewer.username).then((shown) => shown.slice(7))).resolves.toEqual(['已停用', '启用']);

      await page.getByTestId('console-menu').getByText('申报计划').click();
      await page.waitForURL(`${CONSOLE_URL}/login`);
      const captchas = new CaptchaWatch(page);
      await submitLogin(page, captchas, cityReviewer.username, 'Changed#2024');
      await page.getByTestId('api-error').getByText('该账号已停用，如有疑问请联系主管部门').waitFor();
    });

    it('signs in again once the administrator enables the account', async () => {
      await row(cityReviewer.username).getByTestId('enable-reviewer').click();
      await admin.locator('.enable-reviewer-confirm').getByRole('button', { name: '启用' }).click();
      await admin.getByText(`已启用审核员账号 ${cityReviewer.username}`).waitFor();
      await expect(cells(cityReviewer.username).then((shown) => shown.slice(7))).resolves.toEqual(['正常', '停用']);

      await signInToConsole(page, cityReviewer.username, 'Changed#2024');
      await page.getByTestId('province-table').waitFor();
    });
  });
});
