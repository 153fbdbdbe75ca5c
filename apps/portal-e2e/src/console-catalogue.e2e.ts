import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ADMIN_PASSWORD, ADMIN_USERNAME, testCollege } from '@pilot/test-kit';
import { CONSOLE_URL, collectOptionLabels, launchBrowser, newPage } from './support/browser';
import { signInToConsole } from './support/console-session';

const CERTIFICATE_HEADER = '证书代码,证书名称,颁证机构,证书等级';
const HAINAN = '460000';

describe('console: the certificate catalogue, the major catalogue and the college directory', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  const rowsOf = async (testId: string) =>
    Promise.all(
      (await page.getByTestId(testId).locator('tbody tr.ant-table-row').all()).map(async (row) =>
        (await row.locator('td').allTextContents()).map((text) => text.trim()),
      ),
    );

  async function search(keyword: string, path: string): Promise<void> {
    const searched = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith(path) && new URL(r.url()).searchParams.get('q') === keyword);
    await page.getByTestId('keyword').fill(keyword);
    await page.getByTestId('keyword-search').click();
    expect((await searched).status()).toBe(200);
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ context, page } = await newPage(browser));
    await signInToConsole(page, ADMIN_USERNAME, ADMIN_PASSWORD);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('finds certificates by a keyword in the name', async () => {
    await page.getByTestId('nav-certificates').click();
    await page.waitForURL(`${CONSOLE_URL}/certificates`);
    await page.getByTestId('certificate-table').locator('tbody tr.ant-table-row').first().waitFor();
    await search('Python', '/certificates');
    await page.getByTestId('certificate-table').getByText('Python程序开发职业技能等级证书').waitFor();
    const rows = await rowsOf('certificate-table');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every(([, name, organisation]) => `${name}${organisation}`.includes('Python'))).toBe(true);
  });

  it('gives the import template with the header row the import reads', async () => {
    const downloading = page.waitForEvent('download');
    await page.getByTestId('import-template').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('证书目录导入模板.csv');
    const text = (await readFile(await download.path())).toString('utf8').replace(/^\uFEFF/, '');
    expect(text.split(/\r?\n/)[0]).toBe(CERTIFICATE_HEADER);
  });

  it('imports a sheet: the good row is taken, the bad one is reported with its line and reason', async () => {
    const code = `E2E-${Date.now().toString(36).toUpperCase()}`;
    const name = `端到端测试证书${code}`;
    const sheet = [CERTIFICATE_HEADER, `${code},${name},测试评价组织,初级、中级`, `${code}-2,坏行证书,测试评价组织,特级`].join('\n');
    const uploaded = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/admin/imports/certificates'));
    await page.getByTestId('import-file').setInputFiles({ name: 'certificates.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet, 'utf8') });
    expect((await uploaded).ok()).toBe(true);

    const report = page.getByTestId('import-report');
    await report.waitFor();
    await expect(report.getByTestId('import-counts').textContent()).resolves.toMatch(/共 2 行：新增 1 行，更新 0 行，无变化 0 行，未导入\s*1 行/);
    const rejected = await rowsOf('import-rejected');
    expect(rejected).toEqual([['3', expect.stringContaining('特级')]]);
    const headings = (await page.getByTestId('import-rejected').locator('thead th').allTextContents()).map((t) => t.trim());
    expect(headings).toEqual(['行号', '原因']);

    await search(code, '/certificates');
    await page.getByTestId('certificate-table').locator(`tbody tr[data-code="${code}"]`).getByText(name).waitFor();
    await expect(rowsOf('certificate-table')).resolves.toEqual([[code, name, '测试评价组织', '初级中级']]);
  });

  it('finds majors by keyword and level', async () => {
    await page.getByTestId('nav-majors').click();
    await page.waitForURL(`${CONSOLE_URL}/majors`);
    await page.getByTestId('major-table').locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByTestId('import').waitFor();
    await search('计算机', '/majors');
    const rows = await rowsOf('major-table');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every(([code, name]) => `${code}${name}`.includes('计算机'))).toBe(true);

    const filtered = page.waitForResponse((r) => new URL(r.url()).searchParams.get('level') === '高职专科');
    await page.getByTestId('major-level-filter').click();
    await page.locator('nz-option-item', { hasText: '高职专科' }).click();
    expect((await filtered).status()).toBe(200);
    await page.waitForFunction(() => !document.querySelector('[data-testid="major-table"] .ant-spin-spinning'));
    const vocational = await rowsOf('major-table');
    expect(vocational.length).toBeGreaterThan(0);
    expect(vocational.every(([code, name, level]) => `${code}${name}`.includes('计算机') && level === '高职专科')).toBe(true);
  });

  it('lists a province college directory with the identification codes the public one leaves out, searchable by name', async () => {
    const college = await testCollege(HAINAN);
    await page.getByTestId('nav-colleges').click();
    await page.waitForURL(`${CONSOLE_URL}/colleges`);
    const province = page.getByTestId('directory-province');
    await province.click();
    const labels = await collectOptionLabels(page.locator('.directory-province-dropdown'));
    expect(labels).toHaveLength(31);
    const hainan = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/directory/colleges') && new URL(r.url()).searchParams.get('provinceCode') === HAINAN);
    await province.locator('input').fill('海南');
    await page.locator('.directory-province-dropdown nz-option-item', { hasText: '海南省' }).click();
    expect((await hainan).status()).toBe(200);
    const headings = (await page.getByTestId('directory-table').locator('thead th').allTextContents()).map((t) => t.trim());
    expect(headings).toEqual(['院校名称', '学校标识码', '地市', '办学类型', '注册状态']);
    await page.getByTestId('directory-table').locator('tbody tr.ant-table-row').first().waitFor();

    await search(college.name, '/directory/colleges');
    await page.getByTestId('directory-table').locator(`tbody tr[data-code="${college.identificationCode}"]`).waitFor();
    await expect(rowsOf('directory-table')).resolves.toEqual([[college.name, college.identificationCode, college.cityName, college.type, '未注册']]);
  });
});
