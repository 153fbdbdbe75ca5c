import type { Page } from 'playwright-core';
import type { ApplicationPage, ApplicationView, CertificateView, InAppMessagePage, MajorView, PlanView } from '@pilot/contracts';
import {
  applyWhenPlanKnown,
  beijingYear,
  call,
  collegeReadyToApply,
  demoCertificates,
  provinceReviewer,
  publishedPlan,
  uniquePlanName,
  type ReadyAccount,
} from '@pilot/test-kit';
import { freshPageForEachTest } from './support/browser';
import { applicationRow, confirmSubmit, countsAre, fillApplication, openApplications, openNewApplication, unreadBadgeShows } from './support/applying';
import { CaptchaWatch } from './support/portal';
import { eventually } from './support/waiting';

/** 贵州 gets plans and applications from these tests only. */
const GUIZHOU = '520000';
const HOUR = 3_600_000;
const PDF = { name: '师资证明材料.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') };

describe('portal: a college applies for certificate pilots (申报证书试点) and follows the review', () => {
  let page: Page;
  let captchas: CaptchaWatch;
  let reviewer: ReadyAccount;
  let plan: PlanView;
  let allowed: CertificateView[];
  let major: MajorView;

  freshPageForEachTest((opened) => {
    ({ page } = opened);
    captchas = new CaptchaWatch(page);
  });

  beforeAll(async () => {
    reviewer = await provinceReviewer(GUIZHOU);
    allowed = await demoCertificates(reviewer.token, 2);
    major = (await call<{ items: MajorView[] }>('GET', '/majors?level=高职专科&pageSize=1', undefined, reviewer.token)).body.items[0];
    plan = await openPlan(allowed, { byMajor: true });
  });

  /** A plan of 贵州 open now, for these certificates, with no city approval. */
  function openPlan(certificates: CertificateView[], { byMajor }: { byMajor: boolean }): Promise<PlanView> {
    return publishedPlan(reviewer.token, {
      year: beijingYear(),
      name: uniquePlanName(),
      startsAt: new Date(Date.now() - HOUR).toISOString(),
      endsAt: new Date(Date.now() + 2 * HOUR).toISOString(),
      byMajor,
      cityApprovalRequired: false,
      certificates: certificates.map((certificate) => ({ certificateId: certificate.id })),
    });
  }

  const row = (certificate: CertificateView) => applicationRow(page, certificate);

  async function unreadOf(college: ReadyAccount): Promise<number> {
    return (await call<InAppMessagePage>('GET', '/notifications', undefined, college.token)).body.unread;
  }

  async function applicationsOf(college: ReadyAccount): Promise<ApplicationPage> {
    return (await call<ApplicationPage>('GET', '/applications', undefined, college.token)).body;
  }

  it('saves a new application as a draft (待提交), changes it, and submits it after the confirmation (待审核)', async () => {
    const college = await collegeReadyToApply(GUIZHOU);
    await openApplications(page, captchas, college);
    const headings = (await page.getByTestId('application-table').locator('thead th').allTextContents()).map((t) => t.trim());
    expect(headings).toEqual(['申报批次', '证书名称', '颁证机构', '拟申报培训人数', '已批准培训人数', '状态', '操作']);
    expect((await page.getByTestId('status-tabs').locator('[data-testid^="tab-"]').allTextContents()).map((t) => t.replace(/\s+/g, ''))).toEqual([
      '全部0',
      '待提交0',
      '待审核0',
      '审核通过0',
      '审核不通过0',
    ]);

    const dialog = await openNewApplication(page, plan);
    await dialog.getByText('（本批次要求按专业填报）').waitFor();
    await fillApplication(dialog, { certificate: allowed[0], trainees: 80, major });
    const uploaded = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/files') && r.request().method() === 'POST');
    await dialog.getByTestId('evidence-upload').locator('input[type="file"]').setInputFiles(PDF);
    expect((await uploaded).status()).toBe(201);
    await dialog.locator('.ant-upload-list-item', { hasText: PDF.name }).waitFor();

    const created = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/applications') && r.request().method() === 'POST');
    await dialog.getByTestId('save-draft').click();
    expect((await created).status()).toBe(201);
    await dialog.waitFor({ state: 'hidden' });
    await countsAre(page, { all: 1, draft: 1, pending: 0 });
    await expect(row(allowed[0]).locator('td').allTextContents()).resolves.toEqual([
      plan.name,
      allowed[0].name,
      allowed[0].organisation,
      '80',
      '',
      '待提交',
      expect.stringMatching(/查看\s*修改\s*提交审核\s*删除/),
    ]);
    // The pager as the manual shows it: "< 1 > 10 条/页 共 1 条 前往 1 页".
    const pager = page.getByTestId('application-table').locator('.ant-pagination');
    await pager.getByText('共 1 条').waitFor();
    await pager.getByText('10 条/页').waitFor();
    await pager.getByText('前往').waitFor();
    await page.getByTestId('tab-draft').click();
    await row(allowed[0]).waitFor();

    // 修改: the dialog opens with what was saved, the certificate fixed.
    await row(allowed[0]).getByTestId('edit-application').click();
    const edit = page.locator('.application-dialog');
    await expect(edit.getByTestId('application-certificate').textContent()).resolves.toContain(allowed[0].name);
    await edit.getByTestId('major-table').locator(`tr[data-major="${major.code}"]`).waitFor();
    await edit.locator('.ant-upload-list-item', { hasText: PDF.name }).waitFor();
    await expect(edit.getByTestId('teachers-editor').locator('.ql-editor strong').textContent()).resolves.toBe('12名');
    await edit.getByTestId('planned-trainees').locator('input').fill('95');
    const changed = page.waitForResponse((r) => /\/applications\/[^/]+$/.test(new URL(r.url()).pathname) && r.request().method() === 'PUT');
    await edit.getByTestId('save-draft').click();
    expect((await changed).status()).toBe(200);
    await edit.waitFor({ state: 'hidden' });
    // The whole cell: the made-up plan name in the same row may contain "95".
    await row(allowed[0]).locator('td', { hasText: /^\s*95\s*$/ }).waitFor();

    // 提交审核 asks again; once submitted, it can no longer be changed or deleted.
    await row(allowed[0]).getByTestId('submit-application').click();
    await confirmSubmit(page);
    await countsAre(page, { all: 1, draft: 0, pending: 1 });
    await page.getByTestId('tab-pending').click();
    await expect(row(allowed[0]).getByTestId('application-status').textContent()).resolves.toBe('待省级审核');
    await expect(row(allowed[0]).getByTestId('edit-application').count()).resolves.toBe(0);
    await expect(row(allowed[0]).getByTestId('delete-application').count()).resolves.toBe(0);
    expect((await applicationsOf(college)).items[0]).toMatchObject({ status: 'pending_province', plannedTrainees: 95 });
  });

  it('asks in Chinese for what is missing, and shows the server refusing a file that is not really a PDF', async () => {
    const college = await collegeReadyToApply(GUIZHOU);
    await openApplications(page, captchas, college);
    const dialog = await openNewApplication(page, plan);
    await dialog.getByTestId('save-draft').click();
    const tips = dialog.locator('.ant-form-item-explain-error');
    for (const tip of ['请选择试点证书', '本批次要求按专业填报，请至少添加一个专业', '请填写拟申报的培训人数', '请填写师资情况描述', '请填写场地情况描述']) {
      await tips.getByText(tip).waitFor();
    }

    await dialog.getByTestId('evidence-upload').locator('input[type="file"]').setInputFiles({ name: '伪装.pdf', mimeType: 'application/pdf', buffer: Buffer.from('这不是PDF文件') });
    await expect(dialog.getByTestId('file-error').locator('.ant-alert-message').textContent()).resolves.toBe('佐证材料只能是PDF或Word文件');
    await expect(dialog.locator('.ant-upload-list-item').count()).resolves.toBe(0);
    await dialog.getByTestId('evidence-upload').locator('input[type="file"]').setInputFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('text') });
    await expect(dialog.getByTestId('file-error').locator('.ant-alert-message').textContent()).resolves.toBe('请上传pdf或word格式的文件');
    await expect((await applicationsOf(college)).total).toBe(0);
  });

  it('shows the server message when the college applies twice for one certificate, and deletes a draft after confirming', async () => {
    const college = await collegeReadyToApply(GUIZHOU);
    const body = (certificateId: string) => ({
      planId: plan.id,
      certificateId,
      majorCodes: [major.code],
      plannedTrainees: 30,
      teachersHtml: '<p>教师</p>',
      venueHtml: '<p>场地</p>',
      fileIds: [],
    });
    for (const certificate of allowed) expect((await applyWhenPlanKnown(college.token, body(certificate.id))).status).toBe(201);
    await openApplications(page, captchas, college);
    await countsAre(page, { all: 2, draft: 2 });

    const dialog = await openNewApplication(page, plan);
    await fillApplication(dialog, { certificate: allowed[1], trainees: 20, major });
    await dialog.getByTestId('save-draft').click();
    await expect(dialog.getByTestId('application-error').locator('.ant-alert-message').textContent()).resolves.toBe('本批次已申报过该证书，请在列表中修改或查看');
    await dialog.locator('.ant-modal-close').click();
    await dialog.waitFor({ state: 'hidden' });

    await row(allowed[1]).getByTestId('delete-application').click();
    const confirm = page.locator('.delete-confirm');
    await confirm.getByText(`确定删除“${allowed[1].name}”的申报吗？删除后不可恢复。`).waitFor();
    await confirm.locator('.ant-modal-confirm-btns .ant-btn-dangerous').click();
    await countsAre(page, { all: 1, draft: 1 });
    await row(allowed[1]).waitFor({ state: 'detached' });
    expect((await applicationsOf(college)).items.map((item) => item.certificateId)).toEqual([allowed[0].id]);
  });

  it('shows page 1 with its tab counts once the only draft on page 2 is deleted, not an empty page 2', async () => {
    const college = await collegeReadyToApply(GUIZHOU);
    const eleven = await demoCertificates(reviewer.token, 11);
    const wide = await openPlan(eleven, { byMajor: false });
    for (const certificate of eleven) {
      const draft = { planId: wide.id, certificateId: certificate.id, majorCodes: [], plannedTrainees: 30, teachersHtml: '<p>教师</p>', venueHtml: '<p>场地</p>', fileIds: [] };
      expect((await applyWhenPlanKnown(college.token, draft)).status).toBe(201);
    }
    await openApplications(page, captchas, college);
    await countsAre(page, { all: 11, draft: 11, pending: 0 });

    // Newest first, 10 to a page: the first draft saved is the only row of page 2.
    const pager = page.getByTestId('application-table').locator('.ant-pagination');
    await pager.locator('li.ant-pagination-item[title="2"]').click();
    await row(eleven[0]).getByTestId('delete-application').click();
    await page.locator('.delete-confirm .ant-modal-confirm-btns .ant-btn-dangerous').click();

    await countsAre(page, { all: 10, draft: 10, pending: 0 });
    await pager.locator('li.ant-pagination-item-active[title="1"]').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="application-table"] tbody tr[data-application]').length === 10);
    await expect(pager.locator('li.ant-pagination-item').count()).resolves.toBe(1);
    await expect(page.getByTestId('application-table').locator('.ant-table-placeholder').count()).resolves.toBe(0);
  });

  it('opens the detail: the fields, the rich text, the evidence to download, and the history in Beijing time', async () => {
    const college = await collegeReadyToApply(GUIZHOU);
    await openApplications(page, captchas, college);
    const dialog = await openNewApplication(page, plan);
    await fillApplication(dialog, { certificate: allowed[1], trainees: 40, major });
    await dialog.getByTestId('evidence-upload').locator('input[type="file"]').setInputFiles(PDF);
    await dialog.locator('.ant-upload-list-item', { hasText: PDF.name }).waitFor();
    await dialog.locator('.ant-upload-list-item', { hasText: PDF.name }).locator('.anticon-loading').waitFor({ state: 'detached' });
    await dialog.getByTestId('submit-for-review').click();
    await confirmSubmit(page);
    await dialog.waitFor({ state: 'hidden' });
    await countsAre(page, { all: 1, pending: 1 });

    await row(allowed[1]).getByTestId('view-application').click();
    await page.waitForURL(/\/applications\/[^/]+$/);
    await page.getByTestId('detail-status').waitFor();
    await expect(page.getByTestId('detail-certificate').textContent()).resolves.toBe(allowed[1].name);
    await expect(page.getByTestId('detail-status').textContent()).resolves.toBe('待省级审核');
    await expect(page.getByTestId('detail-planned').textContent()).resolves.toBe('40');
    await expect(page.getByTestId('detail-majors').textContent()).resolves.toContain(major.name);
    await expect(page.getByTestId('detail-teachers').locator('strong').textContent()).resolves.toBe('12名');
    await expect(page.getByTestId('detail-venue').textContent()).resolves.toBe('实训室3间');
    await page.getByTestId('pending-notice').waitFor();

    const download = page.waitForEvent('download');
    await page.getByTestId('detail-files').locator(`[data-file="${PDF.name}"]`).click();
    expect((await download).suggestedFilename()).toBe(PDF.name);

    const history = page.getByTestId('history').locator('.history-entry');
    await expect(history.evaluateAll((entries) => entries.map((e) => e.getAttribute('data-action')))).resolves.toEqual(['created', 'submitted']);
    const submitted = history.nth(1);
    await expect(submitted.locator('.history-action').textContent()).resolves.toBe('提交审核');
    await expect(submitted.locator('.history-actor').textContent()).resolves.toBe(college.registered.college.name);
    expect((await submitted.locator('.history-time').textContent())?.trim()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it('shows the province decisions: 审核不通过 with its reason, a message under the bell, and after resubmitting 审核通过 with the approved headcount', async () => {
    const college = await collegeReadyToApply(GUIZHOU);
    const created = await applyWhenPlanKnown<ApplicationView>(college.token, {
      planId: plan.id,
      certificateId: allowed[0].id,
      majorCodes: [major.code],
      plannedTrainees: 60,
      teachersHtml: '<p>专职教师<strong>8</strong>名</p>',
      venueHtml: '<p>实训室2间</p>',
      fileIds: [],
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await call('POST', `/applications/${id}/submit`, undefined, college.token)).status).toBe(200);
    const reason = '师资证明材料不全，请补充后重新提交';
    const rejected = await call('POST', `/applications/${id}/review`, { decision: 'reject', comment: reason }, reviewer.token);
    expect(rejected.status).toBe(200);
    await eventually('the rejection message', async () => (await unreadOf(college)) === 1);

    await openApplications(page, captchas, college);
    await countsAre(page, { all: 1, rejected: 1, pending: 0 });
    const bell = page.getByTestId('message-bell');
    await unreadBadgeShows(page, 1);
    await expect(row(allowed[0]).getByTestId('application-status').textContent()).resolves.toBe('审核不通过');

    await row(allowed[0]).getByTestId('view-application').click();
    await expect(page.getByTestId('rejection-reason').locator('.ant-alert-description').textContent()).resolves.toBe(`原因：${reason}`);
    const decision = page.getByTestId('history').locator('.history-entry[data-action="rejected"]');
    await expect(decision.locator('.history-action').textContent()).resolves.toBe('省级审核不通过');
    await expect(decision.textContent()).resolves.toContain(reason);

    // 消息: the message is unread until opened; opening it leads to the application.
    await bell.click();
    await page.waitForURL(/\/messages$/);
    const message = page.getByTestId('message-list').locator('.message').first();
    await expect(message.getAttribute('data-read')).resolves.toBe('false');
    await expect(message.getByTestId('message-body').textContent()).resolves.toContain(allowed[0].name);
    await message.getByTestId('message-unread').waitFor();
    await message.click();
    await page.waitForURL(new RegExp(`/applications/${id}$`));
    await unreadBadgeShows(page, 0);
    await eventually('the message marked read', async () => (await unreadOf(college)) === 0);

    // Rejected, it may be changed and submitted again from the dialog.
    await page.getByTestId('back-to-applications').click();
    await page.waitForURL(/\/applications$/);
    await row(allowed[0]).getByTestId('edit-application').click();
    const dialog = page.locator('.application-dialog');
    await dialog.getByText(reason).waitFor();
    await dialog.getByTestId('planned-trainees').locator('input').fill('55');
    await dialog.getByTestId('submit-for-review').click();
    await confirmSubmit(page);
    await dialog.waitFor({ state: 'hidden' });
    await countsAre(page, { rejected: 0, pending: 1 });

    const approved = await call('POST', `/applications/${id}/review`, { decision: 'approve', approvedTrainees: 50, comment: '同意' }, reviewer.token);
    expect(approved.status).toBe(200);
    await eventually('the approval message', async () => (await unreadOf(college)) === 1);
    await page.reload();
    await countsAre(page, { approved: 1, pending: 0 });
    await expect(row(allowed[0]).getByTestId('application-status').textContent()).resolves.toBe('审核通过');
    await expect(row(allowed[0]).getByTestId('approved-trainees').textContent()).resolves.toBe('50');
    await unreadBadgeShows(page, 1);

    await page.getByTestId('message-bell').click();
    await page.waitForURL(/\/messages$/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="message-list"] .message').length === 2);
    await expect(page.getByTestId('unread-summary').textContent()).resolves.toContain('共 1 条未读消息');
    await expect(page.getByTestId('message-list').locator('.message').first().getByTestId('message-body').textContent()).resolves.toContain('50');
    await page.getByTestId('mark-all-read').click();
    await page.getByTestId('unread-summary').getByText('没有未读消息').waitFor();
    await expect(page.getByTestId('message-list').locator('[data-testid="message-unread"]').count()).resolves.toBe(0);
    await unreadBadgeShows(page, 0);
  });
});
