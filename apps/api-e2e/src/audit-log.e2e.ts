import { IMPORT_COLUMNS, type ApplicationView, type AuditEntryPage, type AuditEntryView, type AuthSession, type PlanView, type RegisterResult } from '@pilot/contracts';
import {
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  applyWhenPlanKnown,
  beijingYear,
  call,
  cityReviewer,
  collegeReadyToApply,
  demoCertificates,
  download,
  freshPassword,
  freshPhone,
  provinceReviewer,
  sheetRows,
  smsCode,
  solvedCaptcha,
  testCollege,
  uniqueName,
  uniquePlanName,
  upload,
  type ReadyAccount,
} from '@pilot/test-kit';
import { randomUUID } from 'node:crypto';

// Two provinces few other tests use, so that a province's whole log since the start is this test's.
const PROVINCE = '620000';
const OTHER_PROVINCE = '540000';
const HOUR = 3_600_000;
const LOOPBACK = /^(::ffff:)?127\.0\.0\.1$|^::1$/;

/** Every secret the flows below carried: none may appear in any entry. */
const secrets = new Set<string>();
const keep = (...values: (string | undefined)[]) => values.forEach((value) => value && secrets.add(value));
const keepSession = (session: AuthSession) => keep(session.accessToken, session.refreshToken);

const correlated = () => `audit-e2e-${randomUUID()}`;
const asCall = (correlationId: string) => ({ 'x-correlation-id': correlationId });

describe('the audit log (操作日志), through the gateway', () => {
  const started = new Date(Date.now() - 1000).toISOString();
  let admin: AuthSession;
  let reviewer: { username: string; session: AuthSession };
  let otherReviewer: ReadyAccount;
  let college: ReadyAccount;
  let registered: RegisterResult & { collegeId: string };
  let plan: PlanView;
  let application: ApplicationView;
  /** The correlation id of each flow step below. */
  const steps: Record<string, string> = {};

  /** Sends one step of a flow under its own correlation id. */
  const step = async <T = any>(name: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, token?: string) => {
    steps[name] = correlated();
    return call<T>(method, path, body, token, asCall(steps[name]));
  };

  /** Every entry the reader sees since the test started, all pages of it. */
  const everything = async (token: string, filters = '') => {
    const entries: AuditEntryView[] = [];
    for (let page = 1; ; page++) {
      const answer = await call<AuditEntryPage>('GET', `/audit-log?from=${encodeURIComponent(started)}&pageSize=100&page=${page}${filters}`, undefined, token);
      expect(answer.status).toBe(200);
      entries.push(...answer.body.items);
      if (entries.length >= answer.body.total || answer.body.items.length === 0) return entries;
    }
  };
  const entryOf = async (name: string) => {
    const found = (await everything(admin.accessToken)).filter((entry) => entry.correlationId === steps[name]);
    expect([name, found.length]).toEqual([name, 1]);
    return found[0];
  };

  beforeAll(async () => {
    const adminCaptcha = await solvedCaptcha();
    keep(ADMIN_PASSWORD, adminCaptcha.captchaAnswer);
    admin = (await call<AuthSession>('POST', '/auth/login', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD, ...adminCaptcha })).body;
    keepSession(admin);

    // A province reviewer opened by the administrator, who signs in with the initial password, changes it, and mistypes it once.
    const username = uniqueName('audit_gs');
    const initial = freshPassword();
    const password = freshPassword();
    const wrong = freshPassword();
    keep(initial, password, wrong);
    const made = await step('reviewer-created', 'POST', '/admin/reviewers', { username, password: initial, role: 'province_reviewer', provinceCode: PROVINCE, phone: freshPhone('135'), displayName: '甘肃审核员' }, admin.accessToken);
    expect(made.status).toBe(201);
    const firstCaptcha = await solvedCaptcha();
    keep(firstCaptcha.captchaAnswer);
    const first = await step<AuthSession>('first-sign-in', 'POST', '/auth/login', { username, password: initial, ...firstCaptcha });
    keepSession(first.body);
    const changed = await step<AuthSession>('password-changed', 'POST', '/auth/password', { oldPassword: initial, newPassword: password }, first.body.accessToken);
    expect(changed.status).toBe(200);
    keepSession(changed.body);
    const wrongCaptcha = await solvedCaptcha();
    keep(wrongCaptcha.captchaAnswer);
    expect((await step('sign-in-failed', 'POST', '/auth/login', { username, password: wrong, ...wrongCaptcha })).body.code).toBe('LOGIN_FAILED');
    const againCaptcha = await solvedCaptcha();
    keep(againCaptcha.captchaAnswer);
    const session = (await call<AuthSession>('POST', '/auth/login', { username, password, ...againCaptcha })).body;
    keepSession(session);
    reviewer = { username, session };
    otherReviewer = await provinceReviewer(OTHER_PROVINCE);

    // A college registers, signs in, signs out, and resets its password with an SMS code.
    const entry = await testCollege(PROVINCE);
    const phone = freshPhone('138');
    const registerCode = await smsCode('register', { phone });
    keep(registerCode);
    const registration = await step<RegisterResult>('registered', 'POST', '/auth/register', {
      provinceCode: PROVINCE,
      collegeId: entry.id,
      identificationCode: entry.identificationCode,
      phone,
      smsCode: registerCode,
    });
    expect(registration.status).toBe(201);
    keep(registration.body.password);
    registered = { ...registration.body, collegeId: entry.id };
    const collegeCaptcha = await solvedCaptcha();
    keep(collegeCaptcha.captchaAnswer);
    const collegeSession = (await call<AuthSession>('POST', '/auth/login', { username: registered.username, password: registered.password, ...collegeCaptcha })).body;
    keepSession(collegeSession);
    expect((await step('signed-out', 'POST', '/auth/logout', { refreshToken: collegeSession.refreshToken })).status).toBe(204);
    const resetCode = await smsCode('reset-password', { username: registered.username }, phone);
    const newPassword = freshPassword();
    keep(resetCode, newPassword);
    expect((await step('password-reset', 'POST', '/auth/password-reset', { username: registered.username, smsCode: resetCode, newPassword })).status).toBe(204);

    // A plan written and published, an application submitted and approved.
    const year = beijingYear();
    const window = { startsAt: new Date(Date.now() - HOUR).toISOString(), endsAt: new Date(Date.now() + 2 * HOUR).toISOString() };
    const created = await step<PlanView>('plan-created', 'POST', '/plans', { year, name: uniquePlanName(), ...window, byMajor: false, cityApprovalRequired: false }, session.accessToken);
    expect(created.status).toBe(201);
    plan = (await step<PlanView>('plan-published', 'POST', `/plans/${created.body.id}/publish`, undefined, session.accessToken)).body;
    college = await collegeReadyToApply(PROVINCE);
    const [certificate] = await demoCertificates(college.token, 1);
    const draft = await applyWhenPlanKnown<ApplicationView>(college.token, {
      planId: plan.id,
      certificateId: certificate.id,
      majorCodes: [],
      plannedTrainees: 40,
      teachersHtml: '<p>专职教师8名</p>',
      venueHtml: '<p>实训室2间</p>',
      fileIds: [],
    });
    expect(draft.status).toBe(201);
    expect((await step('submitted', 'POST', `/applications/${draft.body.id}/submit`, undefined, college.token)).status).toBe(200);
    application = (await step<ApplicationView>('approved', 'POST', `/applications/${draft.body.id}/review`, { decision: 'approve', approvedTrainees: 30 }, session.accessToken)).body;
    expect(application.status).toBe('approved');

    // An administrator's import whose only row is refused: recorded, and the catalogue stays as it was.
    steps['imported'] = correlated();
    const sheet = Buffer.from(`${Object.values(IMPORT_COLUMNS.majors).join(',')}\n12,审计测试专业,研究生\n`, 'utf8');
    const imported = await upload('/admin/imports/majors', { name: '审计专业.csv', bytes: sheet, type: 'text/csv' }, admin.accessToken, 'file', asCall(steps['imported']));
    expect(imported.body).toEqual(expect.objectContaining({ total: 1, created: 0 }));
  }, 120_000);

  it('keeps each step of the flows with its actor, address, correlation id and outcome', async () => {
    expect(await entryOf('reviewer-created')).toEqual(
      expect.objectContaining({
        action: 'account.reviewer-created',
        outcome: 'success',
        actor: expect.objectContaining({ username: 'admin', role: 'admin', accountId: expect.any(String) }),
        target: expect.objectContaining({ type: 'account', label: `${reviewer.username}（甘肃审核员）`, provinceCode: PROVINCE }),
        summary: '省级教育行政部门审核员',
        address: expect.stringMatching(LOOPBACK),
        correlationId: steps['reviewer-created'],
      }),
    );
    const signedIn = await entryOf('first-sign-in');
    expect(signedIn).toEqual(
      expect.objectContaining({
        action: 'auth.signed-in',
        outcome: 'success',
        actor: { accountId: reviewer.session.user.id, username: reviewer.username, role: 'province_reviewer' },
        scope: { provinceCode: PROVINCE, provinceName: '甘肃省' },
      }),
    );
    expect(await entryOf('password-changed')).toEqual(expect.objectContaining({ action: 'auth.password-changed', actor: expect.objectContaining({ username: reviewer.username }) }));
    // A refused sign-in is recorded as the account it was for, so that the account's province sees it.
    expect(await entryOf('sign-in-failed')).toEqual(
      expect.objectContaining({
        action: 'auth.sign-in-failed',
        outcome: 'failure',
        errorCode: 'LOGIN_FAILED',
        actor: signedIn.actor,
        scope: signedIn.scope,
        address: expect.stringMatching(LOOPBACK),
      }),
    );
  });

  it('keeps a college’s registration, sign-out and password reset as that college’s account', async () => {
    const college = { username: registered.username, role: 'college' };
    expect(await entryOf('registered')).toEqual(
      expect.objectContaining({
        action: 'account.registered',
        actor: college,
        scope: expect.objectContaining({ provinceCode: PROVINCE, collegeId: registered.collegeId }),
        target: { type: 'college', id: registered.collegeId, label: registered.collegeName, provinceCode: PROVINCE },
      }),
    );
    for (const [name, action] of [['signed-out', 'auth.signed-out'], ['password-reset', 'auth.password-reset']]) {
      const entry = await entryOf(name);
      expect([name, entry.action, entry.actor]).toEqual([name, action, { ...college, accountId: expect.any(String) }]);
      expect(entry.scope).toEqual(expect.objectContaining({ provinceCode: PROVINCE, cityName: expect.any(String), collegeId: registered.collegeId }));
    }
  });

  it('keeps the plan’s and the application’s changes with readable targets', async () => {
    expect(await entryOf('plan-created')).toEqual(expect.objectContaining({ action: 'plan.created', target: { type: 'plan', id: plan.id, label: plan.name, provinceCode: PROVINCE } }));
    expect(await entryOf('plan-published')).toEqual(expect.objectContaining({ action: 'plan.published', target: expect.objectContaining({ id: plan.id }) }));
    const label = `${application.collegeName} · ${application.certificateName}`;
    expect(await entryOf('submitted')).toEqual(
      expect.objectContaining({ action: 'application.submitted', actor: expect.objectContaining({ username: college.username, role: 'college' }), target: expect.objectContaining({ id: application.id, label }) }),
    );
    expect(await entryOf('approved')).toEqual(
      expect.objectContaining({ action: 'application.approved', actor: expect.objectContaining({ username: reviewer.username }), summary: '省级审核，已批准培训人数 30' }),
    );
    expect(await entryOf('imported')).toEqual(
      expect.objectContaining({ action: 'import.majors', target: { type: 'catalogue', id: 'majors', label: '专业目录' }, summary: '文件 审计专业.csv，共1行：新增0，更新0，未变0，拒绝1' }),
    );
  });

  it('shows a province’s reviewers only the entries that lie in their province', async () => {
    const seen = await everything(reviewer.session.accessToken);
    expect(seen.every((entry) => entry.scope.provinceCode === PROVINCE || entry.target?.provinceCode === PROVINCE)).toBe(true);
    const ids = seen.map((entry) => entry.correlationId);
    for (const name of ['reviewer-created', 'first-sign-in', 'sign-in-failed', 'registered', 'signed-out', 'password-reset', 'plan-published', 'submitted', 'approved']) {
      expect([name, ids.includes(steps[name])]).toEqual([name, true]);
    }
    // Neither the other province's reviewer nor the administrator's import is the province's business.
    expect(seen.some((entry) => entry.actor.username === otherReviewer.username || entry.correlationId === steps['imported'])).toBe(false);
    const theirs = await everything(otherReviewer.token);
    expect(theirs.some((entry) => entry.actor.username === otherReviewer.username)).toBe(true);
    expect(theirs.some((entry) => entry.scope.provinceCode === PROVINCE)).toBe(false);
  });

  it('refuses city reviewers and colleges (403), for the list and the export', async () => {
    const city = await cityReviewer(PROVINCE, '620100');
    for (const token of [city.token, college.token]) {
      expect((await call('GET', '/audit-log', undefined, token)).body).toEqual({ code: 'FORBIDDEN', message: '没有权限执行此操作' });
      expect((await download('/audit-log/export', token)).status).toBe(403);
    }
  });

  it('filters and exports what the reader may see', async () => {
    const failures = await everything(reviewer.session.accessToken, '&outcome=failure&action=auth.sign-in-failed');
    expect(failures.map((entry) => entry.correlationId)).toContain(steps['sign-in-failed']);
    expect(failures.every((entry) => entry.outcome === 'failure' && entry.action === 'auth.sign-in-failed')).toBe(true);
    const mine = await everything(reviewer.session.accessToken, `&actor=${encodeURIComponent(reviewer.username.toUpperCase())}&targetType=plan`);
    expect(mine.map((entry) => entry.action).sort()).toEqual(['plan.created', 'plan.published']);

    const sheet = await download(`/audit-log/export?from=${encodeURIComponent(started)}&action=plan.published`, reviewer.session.accessToken);
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get('content-type')).toContain('spreadsheetml');
    const [header, ...rows] = await sheetRows(sheet.bytes);
    expect(header.slice(0, 3)).toEqual(['时间', '操作', '结果']);
    expect(rows).toEqual([expect.arrayContaining(['发布申报计划', '成功', reviewer.username, '甘肃省', plan.name, steps['plan-published']])]);
  });

  it('never holds a password, an SMS code, a captcha answer or a token', async () => {
    const text = JSON.stringify(await everything(admin.accessToken));
    expect(secrets.size).toBeGreaterThan(15);
    for (const secret of secrets) expect(text.includes(secret) ? secret : 'absent').toBe('absent');
  });
});
