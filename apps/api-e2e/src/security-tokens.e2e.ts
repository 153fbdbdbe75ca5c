import type { ChildProcess } from 'node:child_process';
import {
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  call,
  createReviewer,
  freshPassword,
  login,
  passwordReplaced,
  platformPort,
  registerCollege,
  signedIn,
  smsCode,
  uniqueName,
  uniquePlanName,
  type Answer,
} from '@pilot/test-kit';
import { startGateway } from './gateway-process';

const TOKEN_REVOKED = { code: 'TOKEN_REVOKED', message: '登录状态已失效，请重新登录' };
const PASSWORD_CHANGE_REQUIRED = { code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改初始密码，再进行其他操作' };
const Y = new Date().getUTCFullYear() + 1;

const plan = () => ({ year: Y, name: uniquePlanName(), startsAt: `${Y}-04-01T00:00:00+08:00`, endsAt: `${Y}-04-04T23:59:59+08:00`, byMajor: false, cityApprovalRequired: false });

/** Polls a signed-in route with the token until it is refused; how long that took, and the refusal. */
async function refusedWithin(token: string, limitMs: number): Promise<{ ms: number; answer: Answer }> {
  const started = Date.now();
  for (;;) {
    const answer = await call('GET', '/notifications?pageSize=1', undefined, token);
    if (answer.status === 401 || Date.now() - started > limitMs) return { ms: Date.now() - started, answer };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const works = async (token: string) => (await call('GET', '/notifications?pageSize=1', undefined, token)).status;

describe('the client address the rate limit counts', () => {
  const gateways: ChildProcess[] = [];
  afterAll(() => gateways.forEach((gateway) => gateway.kill('SIGTERM')));

  const fromEach = async (port: number) => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const response = await fetch(`http://127.0.0.1:${platformPort(port)}/api/v1/regions/provinces`, { headers: { 'x-forwarded-for': `198.51.100.${i + 1}` } });
      statuses.push(response.status);
    }
    return statuses;
  };

  it('is not lifted by a new X-Forwarded-For with every request', async () => {
    gateways.push(await startGateway(3992, { RATE_LIMIT_PER_MINUTE: '5' }));
    expect(await fromEach(3992)).toEqual([200, 200, 200, 200, 200, 429, 429]);
  });

  it('is the one X-Forwarded-For names when it comes from a trusted proxy (TRUSTED_PROXIES)', async () => {
    gateways.push(await startGateway(3993, { RATE_LIMIT_PER_MINUTE: '5', TRUSTED_PROXIES: '127.0.0.1' }));
    expect(await fromEach(3993)).toEqual(Array(7).fill(200));
  });
});

describe('access tokens stop working at once', () => {
  it('after a sign-out: the signed-out token within a second, while another sign-in refreshes and goes on', async () => {
    const registered = await registerCollege();
    const { username, password } = await passwordReplaced(registered.username, registered.password);
    const leaving = await signedIn(username, password);
    const staying = await signedIn(username, password);
    expect(await works(leaving.accessToken)).toBe(200);

    expect((await call('POST', '/auth/logout', { refreshToken: leaving.refreshToken })).status).toBe(204);
    const { ms, answer } = await refusedWithin(leaving.accessToken, 1000);
    expect([answer.status, answer.body]).toEqual([401, TOKEN_REVOKED]);
    expect(ms).toBeLessThan(1000);

    expect((await call('GET', '/notifications', undefined, staying.accessToken)).body).toEqual(TOKEN_REVOKED);
    const renewed = await call('POST', '/auth/refresh', { refreshToken: staying.refreshToken });
    expect(await works(renewed.body.accessToken)).toBe(200);
  });

  it('after a password change: the tokens held before, here and elsewhere; the change answers new ones', async () => {
    const registered = await registerCollege();
    const { username, password } = await passwordReplaced(registered.username, registered.password);
    const here = await signedIn(username, password);
    const elsewhere = await signedIn(username, password);
    expect(await works(here.accessToken)).toBe(200);

    const changed = await call('POST', '/auth/password', { oldPassword: password, newPassword: freshPassword() }, here.accessToken);
    expect(changed.status).toBe(200);
    const { ms, answer } = await refusedWithin(here.accessToken, 1000);
    expect([answer.status, answer.body, ms < 1000]).toEqual([401, TOKEN_REVOKED, true]);
    expect((await call('GET', '/notifications', undefined, elsewhere.accessToken)).body).toEqual(TOKEN_REVOKED);
    expect((await call('POST', '/auth/refresh', { refreshToken: elsewhere.refreshToken })).body.code).toBe('SESSION_ENDED');
    expect(await works(changed.body.accessToken)).toBe(200);
  });

  it('after a password reset by SMS', async () => {
    const registered = await registerCollege();
    const { token } = await passwordReplaced(registered.username, registered.password);
    expect(await works(token)).toBe(200);
    const code = await smsCode('reset-password', { phone: registered.phone });
    expect((await call('POST', '/auth/password-reset', { phone: registered.phone, smsCode: code, newPassword: freshPassword() })).status).toBe(204);
    const { ms, answer } = await refusedWithin(token, 1000);
    expect([answer.status, answer.body, ms < 1000]).toEqual([401, TOKEN_REVOKED, true]);
  });
});

describe('reviewer accounts disabled by an administrator', () => {
  let admin: string;
  beforeAll(async () => {
    admin = (await signedIn(ADMIN_USERNAME, ADMIN_PASSWORD)).accessToken;
  });

  const reviewer = async () => {
    const username = uniqueName('disable');
    const initial = freshPassword();
    const created = await createReviewer({ username, password: initial, role: 'province_reviewer', provinceCode: '370000' });
    return { id: created.id, ...(await passwordReplaced(username, initial)) };
  };

  it('cannot sign in or refresh, and the tokens they hold stop working within a second', async () => {
    const account = await reviewer();
    const session = await signedIn(account.username, account.password);
    expect(await works(session.accessToken)).toBe(200);

    const disabled = await call('POST', `/admin/reviewers/${account.id}/disable`, undefined, admin);
    expect([disabled.status, disabled.body]).toEqual([200, expect.objectContaining({ id: account.id, disabled: true, disabledAt: expect.any(String) })]);
    const { ms, answer } = await refusedWithin(session.accessToken, 1000);
    expect([answer.status, answer.body, ms < 1000]).toEqual([401, TOKEN_REVOKED, true]);

    expect((await login(account.username, account.password)).body).toEqual({ code: 'ACCOUNT_DISABLED', message: '该账号已停用，如有疑问请联系主管部门' });
    expect((await call('POST', '/auth/refresh', { refreshToken: session.refreshToken })).body.code).toBe('SESSION_ENDED');
    const listed = await call('GET', '/admin/reviewers?provinceCode=370000&pageSize=100', undefined, admin);
    expect(listed.body.items.find((item: { id: string }) => item.id === account.id)).toEqual(expect.objectContaining({ disabled: true }));
  });

  it('sign in again once enabled, while what they held before stays ended', async () => {
    const account = await reviewer();
    const before = await signedIn(account.username, account.password);
    await call('POST', `/admin/reviewers/${account.id}/disable`, undefined, admin);
    const enabled = await call('POST', `/admin/reviewers/${account.id}/enable`, undefined, admin);
    expect([enabled.status, enabled.body.disabled]).toEqual([200, false]);
    expect((await call('POST', '/auth/refresh', { refreshToken: before.refreshToken })).body.code).toBe('SESSION_ENDED');
    const again = await signedIn(account.username, account.password);
    expect(await works(again.accessToken)).toBe(200);
  });

  it('are disabled only by administrators, and only reviewer accounts', async () => {
    const account = await reviewer();
    const other = await reviewer();
    const asReviewer = await call('POST', `/admin/reviewers/${other.id}/disable`, undefined, account.token);
    expect([asReviewer.status, asReviewer.body.code]).toEqual([403, 'FORBIDDEN']);
    const adminId = (await signedIn(ADMIN_USERNAME, ADMIN_PASSWORD)).user.id;
    const college = await registerCollege();
    const collegeId = (await signedIn(college.username, college.password)).user.id;
    for (const id of [adminId, collegeId, '000000000000000000000000', 'not-an-id']) {
      const answer = await call('POST', `/admin/reviewers/${id}/disable`, undefined, admin);
      expect([id, answer.status, answer.body]).toEqual([id, 404, { code: 'REVIEWER_NOT_FOUND', message: '未找到该审核员账号' }]);
    }
  });
});

describe('the first password change, enforced by the server', () => {
  it('keeps a reviewer with the initial password from creating a plan until the password is changed', async () => {
    const username = uniqueName('firstlogin');
    const initial = freshPassword();
    await createReviewer({ username, password: initial, role: 'province_reviewer', provinceCode: '370000' });
    const first = await signedIn(username, initial);
    expect(first.user.mustChangePassword).toBe(true);

    const refused = await call('POST', '/plans', plan(), first.accessToken);
    expect([refused.status, refused.body]).toEqual([403, PASSWORD_CHANGE_REQUIRED]);
    expect((await call('GET', '/plans', undefined, first.accessToken)).body).toEqual(PASSWORD_CHANGE_REQUIRED);
    expect((await call('GET', '/auth/me', undefined, first.accessToken)).body).toEqual(expect.objectContaining({ username: username.toLowerCase(), mustChangePassword: true }));

    const changed = await call('POST', '/auth/password', { oldPassword: initial, newPassword: freshPassword() }, first.accessToken);
    expect([changed.status, changed.body.user.mustChangePassword]).toEqual([200, false]);
    const created = await call('POST', '/plans', plan(), changed.body.accessToken);
    expect(created.status).toBe(201);
  });

  it('keeps a college with the password sent by SMS from its basic information until it is changed, and lets it sign out', async () => {
    const college = await registerCollege();
    const first = await signedIn(college.username, college.password);
    expect((await call('GET', '/college/profile', undefined, first.accessToken)).body).toEqual(PASSWORD_CHANGE_REQUIRED);
    expect((await call('POST', '/auth/logout', { refreshToken: first.refreshToken }, first.accessToken)).status).toBe(204);
  });
});
