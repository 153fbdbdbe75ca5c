import type { Page } from 'playwright-core';
import { cityReviewer, inbox, provinceReviewer, registerCollege } from '@pilot/test-kit';
import { CONSOLE_URL, freshPageForEachTest, screenshotPath } from './support/browser';
import { signInToConsole } from './support/console-session';

describe('console: 院校注册 — a province reviewer is told of a registration and revokes a wrong claim', () => {
  let page: Page;

  freshPageForEachTest((opened) => {
    ({ page } = opened);
  });

  it('leads from the message about a new registration to its row, revokes it, and both the registrant and the province are told', async () => {
    const reviewer = await provinceReviewer('370000');
    const claim = await registerCollege('370000');
    await signInToConsole(page, reviewer.username, reviewer.password);

    // The bell counts the province's unread messages; the list holds the registration notice.
    const bell = page.getByTestId('message-bell');
    await bell.waitFor();
    await page.screenshot({ path: screenshotPath('console-bell') });
    await bell.click();
    await page.waitForURL(`${CONSOLE_URL}/messages`);
    const notice = page.locator('[data-message]', { hasText: claim.college.name }).filter({ hasText: '新院校注册' });
    await notice.first().waitFor();
    await expect(notice.first().textContent()).resolves.toContain(`学校标识码${claim.username}`);
    await expect(notice.first().textContent()).resolves.toContain('查看院校注册');
    await page.screenshot({ path: screenshotPath('console-messages'), fullPage: true });

    // Opening it marks it read and shows the registration, marked, among the province's.
    await notice.first().click();
    await page.waitForURL((url) => url.pathname === '/registrations' && url.searchParams.get('college') === claim.college.id);
    const row = page.locator(`[data-testid="registration-table"] tbody tr[data-college-id="${claim.college.id}"]`);
    await row.waitFor();
    await expect(row.getAttribute('class')).resolves.toContain('pointed');
    await expect(row.textContent()).resolves.toContain(claim.username);
    await expect(row.textContent()).resolves.toContain(`${claim.phone.slice(0, 3)}****${claim.phone.slice(7)}`);
    await expect(row.textContent()).resolves.toContain('正常');

    // 撤销注册 asks first, saying what follows.
    await row.getByTestId('revoke-registration').click();
    const confirm = page.locator('.revoke-confirm');
    await confirm.getByText('撤销后该账号立即停用').waitFor();
    await page.screenshot({ path: screenshotPath('console-revoke-confirm'), fullPage: true });
    const revoked = page.waitForResponse((r) => r.url().endsWith('/revoke'));
    await confirm.getByRole('button', { name: '撤销注册' }).click();
    expect((await revoked).status()).toBe(200);

    await page.getByTestId('registration-revoked').getByText(`已撤销“${claim.college.name}”的注册`).waitFor();
    await expect(row.getAttribute('data-status')).resolves.toBe('revoked');
    await expect(row.textContent()).resolves.toContain('已撤销');
    await expect(row.getByTestId('revoke-registration').count()).resolves.toBe(0);
    await page.screenshot({ path: screenshotPath('console-registration-revoked'), fullPage: true });

    // The registrant's phone is told by SMS, the province in its messages.
    await waitFor(async () => (await inbox(claim.phone)).some((sms) => sms.text.includes(`“${claim.college.name}”账号已被山东省教育厅撤销`)));
    await waitFor(async () => {
      await page.goto(`${CONSOLE_URL}/messages`);
      await page.getByTestId('message-list').waitFor();
      return (await page.locator('[data-message]', { hasText: claim.college.name }).filter({ hasText: '院校注册已撤销' }).count()) === 1;
    });
  });

  it('is not offered to city reviewers', async () => {
    const city = await cityReviewer('370000', '370100');
    await signInToConsole(page, city.username, city.password);
    await page.getByTestId('console-menu').waitFor();
    await expect(page.getByTestId('nav-registrations').count()).resolves.toBe(0);
    await expect(page.getByTestId('message-bell').count()).resolves.toBe(0);
    await page.goto(`${CONSOLE_URL}/registrations`);
    await page.getByTestId('forbidden').waitFor();
  });
});

async function waitFor(probe: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('not seen in time');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
