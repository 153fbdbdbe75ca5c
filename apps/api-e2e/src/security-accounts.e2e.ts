import type { ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import type { InAppMessagePage, RegistrationView } from '@pilot/contracts';
import {
  call,
  createReviewer,
  freshPassword,
  freshPhone,
  inbox,
  platformPort,
  provinceReviewer,
  registerCollege,
  smsCode,
  solvedCaptcha,
  testCollege,
  uniqueName,
  type ReadyAccount,
} from '@pilot/test-kit';
import { startGateway } from './gateway-process';

/**
 * Accounts as an attacker meets them: SMS sending per address and per phone, sign-in lockout by
 * account and address, and registrations by identification code that a province may revoke.
 * Every request of the platform's own gateway comes from this machine, which the per-address
 * limits leave out (LIMIT_EXEMPT_ADDRESSES), so the per-address ones are driven through a
 * second gateway that trusts this machine as its proxy and takes the client address from
 * X-Forwarded-For, as a gateway behind a load balancer does.
 */
const PROXIED = `http://127.0.0.1:${platformPort(3994)}/api/v1`;

/** An address no earlier run used (the benchmarking range 198.18.0.0/15, never a real client). */
const freshAddress = () => `198.${18 + randomInt(0, 2)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

async function from(address: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: any; retryAfter: string | null }> {
  const response = await fetch(`${PROXIED}/${path.replace(/^\/+/, '')}`, {
    method,
    headers: { 'x-forwarded-for': address, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, retryAfter: response.headers.get('retry-after') };
}

const askCode = async (address: string, request: Record<string, unknown>) => from(address, 'POST', '/auth/sms-codes', { ...request, ...(await solvedCaptcha()) });
const signIn = async (address: string, username: string, password: string) => from(address, 'POST', '/auth/login', { username, password, ...(await solvedCaptcha()) });

describe('accounts under attack, against the running platform', () => {
  let proxied: ChildProcess;

  beforeAll(async () => {
    // TRUSTED_PROXIES names this machine for a gateway that trusts only configured proxies.
    proxied = await startGateway(3994, { TRUSTED_PROXIES: '127.0.0.1,::1' });
  }, 60_000);

  afterAll(() => {
    proxied?.kill('SIGTERM');
  });

  describe('SMS codes', () => {
    it('refuses codes to 15 new numbers from one address after the fifth, each with a fresh captcha, saying when to try again', async () => {
      const address = freshAddress();
      const phones = Array.from({ length: 15 }, () => freshPhone('139'));
      const answers = [];
      for (const phone of phones) answers.push(await askCode(address, { phone, purpose: 'register' }));
      expect(answers.map((answer) => answer.status)).toEqual([...Array(5).fill(202), ...Array(10).fill(429)]);
      for (const refused of answers.slice(5)) {
        expect(refused.body).toEqual({
          code: 'SMS_ADDRESS_LIMIT',
          message: expect.stringMatching(/^当前网络获取验证码过于频繁，请\d+分钟后再试$/),
          details: { retryAfterSeconds: expect.any(Number) },
        });
        expect(Number(refused.retryAfter)).toBe(refused.body.details.retryAfterSeconds);
      }
      const reached = await Promise.all(phones.map(async (phone) => (await inbox(phone)).length));
      expect(reached).toEqual([...Array(5).fill(1), ...Array(10).fill(0)]);

      const elsewhere = await askCode(freshAddress(), { phone: phones[14], purpose: 'register' });
      expect(elsewhere.status).toBe(202);
    });

    it('sends once when a registration code and then a password-reset code are asked for one phone within a minute', async () => {
      const phone = freshPhone('135');
      await createReviewer({ username: uniqueName('smsphone'), password: freshPassword(), role: 'province_reviewer', provinceCode: '370000', phone });
      expect((await askCode(freshAddress(), { phone, purpose: 'register' })).status).toBe(202);
      const reset = await askCode(freshAddress(), { phone, purpose: 'reset-password' });
      expect(reset.status).toBe(429);
      expect(reset.body.code).toBe('SMS_TOO_SOON');
      expect(reset.body.message).toMatch(/^验证码发送过于频繁，请\d+秒后再试$/);
      const texts = (await inbox(phone)).map((sms) => sms.text);
      expect(texts).toHaveLength(1);
      expect(texts[0]).toContain('您正在注册账号');
    });
  });

  describe('signing in', () => {
    it('keeps an address that failed five times out of a college, while the college signs in from another address', async () => {
      const college = await registerCollege();
      const attacker = freshAddress();
      const codes = [];
      for (let attempt = 1; attempt <= 5; attempt++) codes.push((await signIn(attacker, college.username, `Wrong-pass-${attempt}`)).body.code);
      expect(codes).toEqual(['LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_FAILED', 'ACCOUNT_LOCKED']);
      const locked = await signIn(attacker, college.username, college.password);
      expect(locked.status).toBe(429);
      expect(locked.body).toEqual({ code: 'ACCOUNT_LOCKED', message: '登录失败次数过多，账号已暂时锁定，请15分钟后再试', details: { retryAfterSeconds: expect.any(Number) } });

      const own = await signIn(freshAddress(), college.username, college.password);
      expect(own.status).toBe(200);
      expect(own.body.user.username).toBe(college.username);
    });
  });

  describe('registration by identification code', () => {
    it('lists the public directory without identification codes, and shows them to the province’s reviewers only', async () => {
      const college = await testCollege('370000');
      const listed = await call('GET', `/regions/provinces/370000/colleges?pageSize=100&q=${encodeURIComponent(college.name)}`);
      expect(listed.body.items).toEqual([{ id: college.id, name: college.name, cityCode: college.cityCode, cityName: college.cityName, type: college.type, registered: false }]);
      const everything = await call('GET', '/regions/provinces/370000/colleges?pageSize=100');
      expect(everything.body.items.every((item: Record<string, unknown>) => !('identificationCode' in item))).toBe(true);

      expect((await call('GET', '/directory/colleges')).status).toBe(401);
      const reviewer = await provinceReviewer('370000');
      const forReviewer = await call('GET', `/directory/colleges?q=${college.identificationCode}`, undefined, reviewer.token);
      expect(forReviewer.body.items).toEqual([expect.objectContaining({ id: college.id, identificationCode: college.identificationCode })]);
    });

    it('refuses a wrong identification code without naming any college, and five wrong codes spend the SMS code', async () => {
      const college = await testCollege('370000');
      const other = await testCollege('370000');
      const phone = freshPhone('137');
      const code = await smsCode('register', { phone });
      const body = { provinceCode: '370000', collegeId: college.id, phone, smsCode: code };
      for (const guess of [other.identificationCode, '1234567890', '1234567891', '1234567892', '1234567893']) {
        const wrong = await call('POST', '/auth/register', { ...body, identificationCode: guess });
        expect(wrong.status).toBe(400);
        expect(wrong.body).toEqual({ code: 'IDENTIFICATION_CODE_MISMATCH', message: '院校识别码与所选院校不一致' });
      }
      const right = await call('POST', '/auth/register', { ...body, identificationCode: college.identificationCode });
      expect(right.body.code).toBe('SMS_CODE_EXPIRED');
    });

    it('lets the province’s reviewer revoke a wrong claim: the account is disabled, the college may register again, and both sides are told', async () => {
      const reviewer: ReadyAccount = await provinceReviewer('370000');
      const claim = await registerCollege('370000');
      const claimant = await call('POST', '/auth/login', { username: claim.username, password: claim.password, ...(await solvedCaptcha()) });
      expect(claimant.status).toBe(200);

      const notice = await eventuallyMessage(reviewer.token, (body) => body.includes(claim.college.name) && body.includes('注册账号'));
      expect(notice).toEqual(expect.objectContaining({ title: '新院校注册', collegeId: claim.college.id }));

      const listed = await call<{ items: RegistrationView[] }>('GET', '/registrations?status=active&pageSize=100', undefined, reviewer.token);
      const registration = listed.body.items.find((item) => item.collegeId === claim.college.id);
      expect(registration).toEqual(expect.objectContaining({ identificationCode: claim.username, phoneMasked: `${claim.phone.slice(0, 3)}****${claim.phone.slice(7)}`, status: 'active' }));

      const collegeToken = claimant.body.accessToken;
      expect((await call('POST', `/registrations/${registration?.id}/revoke`, undefined, collegeToken)).status).toBe(403);
      const revoked = await call<RegistrationView>('POST', `/registrations/${registration?.id}/revoke`, undefined, reviewer.token);
      expect(revoked.status).toBe(200);
      expect(revoked.body).toEqual(expect.objectContaining({ status: 'revoked', revokedAt: expect.any(String) }));

      // The claimant: its sign-in ended, its name no longer signs in, its phone is told.
      expect((await call('POST', '/auth/refresh', { refreshToken: claimant.body.refreshToken })).body.code).toBe('SESSION_ENDED');
      expect((await call('POST', '/auth/login', { username: claim.username, password: claim.password, ...(await solvedCaptcha()) })).body.code).toBe('LOGIN_FAILED');
      const told = await eventuallyTrue(async () => (await inbox(claim.phone)).some((sms) => sms.text.includes('账号已被山东省教育厅撤销')));
      expect(told).toBe(true);
      // The province's reviewers: a message in the platform.
      await eventuallyMessage(reviewer.token, (body) => body.includes(claim.college.name) && body.includes('撤销'));

      // The college: free to register again.
      const directory = await call('GET', `/regions/provinces/370000/colleges?q=${encodeURIComponent(claim.college.name)}`);
      expect(directory.body.items[0].registered).toBe(false);
      const rightful = await registerCollege('370000', claim.college);
      expect(rightful.username).toBe(claim.username);
    });
  });
});

async function eventuallyTrue(probe: () => Promise<boolean>, timeoutMs = 15_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return true;
}

async function eventuallyMessage(token: string, matches: (body: string) => boolean) {
  let found: InAppMessagePage['items'][number] | undefined;
  await eventuallyTrue(async () => {
    const page = await call<InAppMessagePage>('GET', '/notifications?pageSize=100', undefined, token);
    found = page.body.items.find((message) => matches(message.body));
    return found !== undefined;
  });
  if (!found) throw new Error('the message never arrived');
  return found;
}
