import type { Locator, Page } from 'playwright-core';
import type { CertificateView, MajorView, PlanView } from '@pilot/contracts';
import type { ReadyAccount } from '@pilot/test-kit';
import { PORTAL_URL } from './browser';
import { CaptchaWatch, signIn } from './portal';

/** What 提交审核 asks before anything is sent. */
export const SUBMIT_CONFIRMATION = '提交后将不能再修改，只能等待审核结果。确定提交审核吗？';

/** Signs the college in and follows 申报证书试点 from the workspace to its application list. */
export async function openApplications(page: Page, captchas: CaptchaWatch, college: ReadyAccount): Promise<void> {
  await page.goto(`${PORTAL_URL}/login`);
  await signIn(page, captchas, college.username, college.password);
  await page.waitForURL(/\/workspace$/);
  await page.getByTestId('open-applications').click();
  await page.waitForURL(/\/applications$/);
  await page.getByTestId('application-table').waitFor();
}

/** Waits until each status tab shows its count. */
export async function countsAre(page: Page, expected: Record<string, number>): Promise<void> {
  for (const [tab, n] of Object.entries(expected)) {
    await page.waitForFunction(([id, text]) => document.querySelector(`[data-testid="count-${id}"]`)?.textContent?.trim() === text, [tab, String(n)]);
  }
}

/** The college's row of the certificate in its application list. */
export function applicationRow(page: Page, certificate: CertificateView): Locator {
  return page.getByTestId('application-table').locator(`tbody tr[data-application="${certificate.name}"]`);
}

/** Opens 新增申报 with the plan chosen: earlier runs may leave other open batches in the province. */
export async function openNewApplication(page: Page, plan: PlanView): Promise<Locator> {
  await page.getByTestId('new-application').click();
  const dialog = page.locator('.application-dialog');
  await dialog.getByTestId('application-form').waitFor();
  const planSelect = dialog.getByTestId('application-plan-select');
  if (await planSelect.count()) {
    await planSelect.click();
    await page.locator('nz-option-item', { hasText: plan.name }).click();
  } else {
    await dialog.getByTestId('application-plan').getByText(plan.name).waitFor();
  }
  return dialog;
}

export async function pickCertificate(dialog: Locator, certificate: CertificateView): Promise<void> {
  const page = dialog.page();
  const select = dialog.getByTestId('certificate-select');
  await select.click();
  await select.locator('input').fill(certificate.name.slice(0, 4));
  await page.locator(`.certificate-select-dropdown nz-option-item[title="${certificate.name}（${certificate.organisation}）"]`).click();
  await select.locator('.ant-select-selection-item', { hasText: certificate.name }).waitFor();
}

export async function addMajor(dialog: Locator, major: MajorView): Promise<void> {
  const page = dialog.page();
  const select = dialog.getByTestId('major-select');
  await select.click();
  const searched = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/majors') && new URL(r.url()).searchParams.get('q') === major.name);
  await select.locator('input').fill(major.name);
  await searched;
  await page.locator('.major-select-dropdown nz-option-item', { hasText: major.code }).click();
  await dialog.getByTestId('add-major').click();
  await dialog.getByTestId('major-table').locator(`tr[data-major="${major.code}"]`).waitFor();
}

/** Types into a rich-text editor: some plain text, then some in bold. */
export async function writeRichText(dialog: Locator, editor: string, plain: string, bold: string): Promise<void> {
  const page = dialog.page();
  await dialog.getByTestId(editor).locator('.ql-editor').click();
  await page.keyboard.type(plain);
  await dialog.getByTestId(editor).locator('.ql-toolbar .ql-bold').click();
  await page.keyboard.type(bold);
}

export interface ApplicationInput {
  certificate: CertificateView;
  trainees: number;
  /** Only where the batch asks for majors (按专业填报). */
  major?: MajorView;
}

/** Fills in the dialog: certificate, major, planned headcount, teachers and venue. */
export async function fillApplication(dialog: Locator, { certificate, trainees, major }: ApplicationInput): Promise<void> {
  await pickCertificate(dialog, certificate);
  if (major) await addMajor(dialog, major);
  await dialog.getByTestId('planned-trainees').locator('input').fill(String(trainees));
  await writeRichText(dialog, 'teachers-editor', '专职教师', '12名');
  await writeRichText(dialog, 'venue-editor', '实训室', '3间');
}

/** Answers 确定 to the question 提交审核 asks. */
export async function confirmSubmit(page: Page): Promise<void> {
  const confirm = page.locator('.submit-confirm');
  await confirm.getByText(SUBMIT_CONFIRMATION).waitFor();
  await confirm.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
}

/** Waits until the header's bell shows `count` unread messages. */
export async function unreadBadgeShows(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelector('[data-testid="message-bell"]')?.getAttribute('data-unread') === n, String(count));
}
