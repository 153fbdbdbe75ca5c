import { sign } from 'jsonwebtoken';
import { ADMIN_PASSWORD, call, login, passwordReplaced, registerCollege, signedIn, solvedCaptcha, uniqueName } from '@pilot/test-kit';

const LOGIN_FAILED = { code: 'LOGIN_FAILED', message: '账号或密码错误' };
const LOCKED = { code: 'ACCOUNT_LOCKED', message: '登录失败次数过多，账号已暂时锁定，请15分钟后再试', details: { retryAfterSeconds: expect.any(Number) } };

describe('signing in', () => {
  it('gives a short-lived access token, a refresh token and the user with its college and scope', async () => {
    const college = await registerCollege();
    const answer = await login(college.username, college.password);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      accessToken: expect.any(String),
      expiresIn: 900,
      refreshToken: expect.any(String),
      user: expect.objectContaining({
        username: college.username,
        role: 'college',
        displayName: college.college.name,
        mustChangePassword: true,
        profileComplete: false,
        collegeId: college.college.id,
        provinceCode: '370000',
        provinceName: '山东省',
        phoneMasked: `${college.phone.slice(0, 3)}****${college.phone.slice(7)}`,
      }),
    });
    const me = await call('GET', '/auth/me', undefined, answer.body.accessToken);
    expect(me.body).toEqual(answer.body.user);
  });

  it('answers a wrong password and an unknown account with the same words', async () => {
    const college = await registerCollege();
    const wrong = await login(college.username, 'Wrong-password-1');
    const unknown = await login(uniqueName('nobody'), 'Wrong-password-1');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body).toEqual(LOGIN_FAILED);
    expect(unknown.body).toEqual(LOGIN_FAILED);
  });

  it('needs a solved captcha, and judges it before the password', async () => {
    const college = await registerCollege();
    const { captchaId } = await solvedCaptcha();
    const answer = await call('POST', '/auth/login', { username: college.username, password: college.password, captchaId, captchaAnswer: 'zzzz' });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('CAPTCHA_INVALID');
  });

  it('locks the account for fifteen minutes after five failures from one address, even against the right password', async () => {
    const college = await registerCollege();
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await login(college.username, `Wrong-password-${attempt}`)).body).toEqual(LOGIN_FAILED);
    }
    const fifth = await login(college.username, 'Wrong-password-5');
    expect(fifth.status).toBe(429);
    expect(fifth.body).toEqual(LOCKED);
    expect((await login(college.username, college.password)).body).toEqual(LOCKED);
  });

  it('locks an unknown name the same way, so a lock tells nothing about who exists', async () => {
    const name = uniqueName('ghost');
    for (let attempt = 1; attempt <= 4; attempt++) await login(name, 'Wrong-password-1');
    expect((await login(name, 'Wrong-password-1')).body).toEqual(LOCKED);
  });

  it('lets a good sign-in clear earlier failures', async () => {
    const college = await registerCollege();
    for (let attempt = 1; attempt <= 4; attempt++) await login(college.username, 'Wrong-password-1');
    expect((await login(college.username, college.password)).status).toBe(200);
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await login(college.username, 'Wrong-password-1')).body).toEqual(LOGIN_FAILED);
    }
  });
});

describe('tokens', () => {
  it('rotates the refresh token: the new one works, the old one is refused and ends the whole sign-in', async () => {
    const college = await registerCollege();
    const session = await signedIn(college.username, college.password);
    const renewed = await call('POST', '/auth/refresh', { refreshToken: session.refreshToken });
    expect(renewed.status).toBe(200);
    expect(renewed.body.refreshToken).not.toBe(session.refreshToken);
    expect((await call('GET', '/auth/me', undefined, renewed.body.accessToken)).status).toBe(200);

    const replayed = await call('POST', '/auth/refresh', { refreshToken: session.refreshToken });
    expect(replayed.status).toBe(401);
    expect(replayed.body).toEqual({ code: 'SESSION_ENDED', message: '登录状态已失效，请重新登录' });
    expect((await call('POST', '/auth/refresh', { refreshToken: renewed.body.refreshToken })).body.code).toBe('SESSION_ENDED');
  });

  it('ends the refresh token at sign-out, and leaves other sign-ins alone', async () => {
    const college = await registerCollege();
    const here = await signedIn(college.username, college.password);
    const there = await signedIn(college.username, college.password);
    expect((await call('POST', '/auth/logout', { refreshToken: here.refreshToken })).status).toBe(204);
    expect((await call('POST', '/auth/refresh', { refreshToken: here.refreshToken })).body.code).toBe('SESSION_ENDED');
    expect((await call('POST', '/auth/refresh', { refreshToken: there.refreshToken })).status).toBe(200);
  });

  it('refuses made-up and tampered refresh tokens', async () => {
    expect((await call('POST', '/auth/refresh', { refreshToken: 'made-up' })).body.code).toBe('SESSION_ENDED');
    const college = await registerCollege();
    const session = await signedIn(college.username, college.password);
    const [id] = session.refreshToken.split('.');
    expect((await call('POST', '/auth/refresh', { refreshToken: `${id}.forged-secret` })).body.code).toBe('SESSION_ENDED');
  });

  it('tells an expired access token apart from a missing or forged one', async () => {
    const secret = process.env['JWT_SECRET'] ?? 'development-only-access-token-secret-change-me';
    const expired = sign({ sub: 'a', usr: 'x', role: 'admin', sid: 's' }, secret, { expiresIn: -60, issuer: 'pilot-identity', audience: 'pilot-api' });
    const expiredAnswer = await call('GET', '/auth/me', undefined, expired);
    expect(expiredAnswer.status).toBe(401);
    expect(expiredAnswer.body).toEqual({ code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' });

    const missing = await call('GET', '/auth/me');
    expect(missing.body).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' });
    const forged = sign({ sub: 'a', usr: 'x', role: 'admin', sid: 's' }, 'someone-elses-secret-that-is-long-enough', { issuer: 'pilot-identity', audience: 'pilot-api' });
    expect((await call('GET', '/admin/reviewers', undefined, forged)).body.code).toBe('UNAUTHENTICATED');
  });
});

describe('roles and scope', () => {
  it('keeps colleges out of administration and administrators out of college data', async () => {
    const college = await registerCollege();
    const collegeSession = await passwordReplaced(college.username, college.password);
    const admin = await signedIn('admin', ADMIN_PASSWORD);
    expect(admin.user.role).toBe('admin');

    const asCollege = await call('GET', '/admin/reviewers', undefined, collegeSession.token);
    expect(asCollege.status).toBe(403);
    expect(asCollege.body).toEqual({ code: 'FORBIDDEN', message: '没有权限执行此操作' });
    expect((await call('GET', '/college/profile', undefined, admin.accessToken)).status).toBe(403);
  });
});
