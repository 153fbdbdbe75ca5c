import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { PlatformError, type AuditEntryView, type AuthSession, type PlanView } from '@pilot/contracts';
import { Public } from '@pilot/runtime';
import { randomUUID } from 'node:crypto';
import { Roles } from '../access/access.decorators';
import { LoginDto } from '../auth/login.dto';
import { RefreshDto } from '../auth/refresh.dto';
import { SHANDONG_REVIEWER, startGateway, type GatewayUnderTest } from '../testing/gateway-under-test';
import { Audited, NoteForAudit, type AuditNote } from './audited';
import { plan, signInAction, signInActor } from './audit-rules';

// The real routes ask the platform's services, which a platform running on the same broker would
// answer: these stand-ins answer as the services do and carry the real routes' audit rules.

const PASSWORD = 'Right#Pass2026';
const CAPTCHA = { captchaId: randomUUID(), captchaAnswer: 'k7m2p9' };
const SESSION: AuthSession = {
  accessToken: 'eyJhbGciOiJIUzI1NiJ9.access-token-of-the-spec',
  expiresIn: 900,
  refreshToken: 'refresh-token-of-the-spec-0123456789',
  user: {
    id: 'account-sd-reviewer',
    username: 'sd_reviewer',
    role: 'province_reviewer',
    displayName: '山东省厅审核员',
    mustChangePassword: false,
    phoneMasked: '138****0000',
    provinceCode: '370000',
    provinceName: '山东省',
  },
};
const JINAN_ACCOUNT = { accountId: 'account-jinan', username: '3137000001', role: 'college', provinceCode: '370000', cityCode: '370100', collegeId: 'college-jinan' } as const;

@Controller('audit-probe')
class AuditedStandIns {
  @Public()
  @Post('login')
  @HttpCode(200)
  @Audited(signInAction, { actor: signInActor })
  login(@Body() request: LoginDto): AuthSession {
    if (request.password !== PASSWORD) throw new PlatformError('LOGIN_FAILED');
    return SESSION;
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @Audited('auth.signed-out')
  logout(@Body() _request: RefreshDto, @NoteForAudit() note: AuditNote): void {
    note.account = JINAN_ACCOUNT;
  }

  @Post('plans/:id/publish')
  @HttpCode(200)
  @Roles('province_reviewer')
  @Audited('plan.published', { target: plan })
  publish(@Param('id') id: string): Pick<PlanView, 'id' | 'name' | 'provinceCode'> {
    if (id === 'published-before') throw new PlatformError('PLAN_ALREADY_PUBLISHED');
    return { id, name: '2026年第一次', provinceCode: '370000' };
  }

  /** A careless rule that copies a password into its entry. */
  @Public()
  @Post('careless')
  @HttpCode(204)
  @Audited('plan.created', { summary: ({ body }) => `新密码 ${String(body['password'])}` })
  careless(): void {
    return undefined;
  }
}

describe('the audit log records', () => {
  let gateway: GatewayUnderTest;
  let admin: string;

  beforeAll(async () => {
    gateway = await startGateway({}, [AuditedStandIns]);
    admin = gateway.tokenFor({ role: 'admin' });
  });

  afterAll(async () => {
    await gateway?.close();
  });

  const correlated = () => `audit-spec-${randomUUID()}`;

  /** The entries the administrator reads for one request's correlation id. */
  async function entriesOf(correlationId: string): Promise<AuditEntryView[]> {
    const answer = await gateway.http.get('/api/v1/audit-log?pageSize=100').auth(admin, { type: 'bearer' });
    expect(answer.status).toBe(200);
    return (answer.body.items as AuditEntryView[]).filter((entry) => entry.correlationId === correlationId);
  }

  it('a signed-in reviewer’s change with the actor, role, scope, target, time, address and correlation id', async () => {
    const correlationId = correlated();
    const before = Date.now();
    const answer = await gateway.http
      .post('/api/v1/audit-probe/plans/plan-42/publish')
      .auth(gateway.tokenFor(SHANDONG_REVIEWER), { type: 'bearer' })
      .set('x-correlation-id', correlationId);
    expect(answer.status).toBe(200);
    const [entry, ...more] = await entriesOf(correlationId);
    expect(more).toEqual([]);
    expect(entry).toEqual({
      id: expect.any(String),
      at: expect.any(String),
      action: 'plan.published',
      outcome: 'success',
      actor: { accountId: 'account-province_reviewer', username: 'user-province_reviewer', role: 'province_reviewer' },
      scope: expect.objectContaining({ provinceCode: '370000' }),
      target: { type: 'plan', id: 'plan-42', label: '2026年第一次', provinceCode: '370000' },
      address: expect.stringMatching(/127\.0\.0\.1|::1/),
      correlationId,
    });
    expect(new Date(entry.at).getTime()).toBeGreaterThanOrEqual(before);
    expect(new Date(entry.at).getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('a refused change as a failure, with the code the caller was answered with', async () => {
    const correlationId = correlated();
    const answer = await gateway.http
      .post('/api/v1/audit-probe/plans/published-before/publish')
      .auth(gateway.tokenFor(SHANDONG_REVIEWER), { type: 'bearer' })
      .set('x-correlation-id', correlationId);
    expect(answer.body.code).toBe('PLAN_ALREADY_PUBLISHED');
    expect(await entriesOf(correlationId)).toEqual([
      expect.objectContaining({ action: 'plan.published', outcome: 'failure', errorCode: 'PLAN_ALREADY_PUBLISHED', target: { type: 'plan', id: 'published-before' } }),
    ]);
  });

  it('a failed sign-in with the account name tried, and never the password or the captcha answer', async () => {
    const correlationId = correlated();
    const wrong = 'Wrong#Pass2026';
    const answer = await gateway.http
      .post('/api/v1/audit-probe/login')
      .set('x-correlation-id', correlationId)
      .send({ username: 'sd_reviewer', password: wrong, ...CAPTCHA });
    expect(answer.body.code).toBe('LOGIN_FAILED');
    const entries = await entriesOf(correlationId);
    expect(entries).toEqual([expect.objectContaining({ action: 'auth.sign-in-failed', outcome: 'failure', errorCode: 'LOGIN_FAILED', actor: { username: 'sd_reviewer' } })]);
    expect(JSON.stringify(entries)).not.toMatch(new RegExp(`${wrong}|${CAPTCHA.captchaAnswer}`));
  });

  it('a sign-in as the account signed in, its scope included, without the tokens it was given', async () => {
    const correlationId = correlated();
    const answer = await gateway.http.post('/api/v1/audit-probe/login').set('x-correlation-id', correlationId).send({ username: 'SD_Reviewer', password: PASSWORD, ...CAPTCHA });
    expect(answer.status).toBe(200);
    const entries = await entriesOf(correlationId);
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'auth.signed-in',
        outcome: 'success',
        actor: { accountId: 'account-sd-reviewer', username: 'sd_reviewer', role: 'province_reviewer' },
        scope: expect.objectContaining({ provinceCode: '370000' }),
      }),
    ]);
    const text = JSON.stringify(entries);
    for (const secret of [PASSWORD, SESSION.accessToken, SESSION.refreshToken, CAPTCHA.captchaAnswer]) expect(text).not.toContain(secret);
  });

  it('a sign-out as the account the service found for the refresh token, which it never keeps', async () => {
    const correlationId = correlated();
    const refreshToken = `refresh-${randomUUID()}`;
    const answer = await gateway.http.post('/api/v1/audit-probe/logout').set('x-correlation-id', correlationId).send({ refreshToken });
    expect(answer.status).toBe(204);
    const entries = await entriesOf(correlationId);
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'auth.signed-out',
        actor: { accountId: 'account-jinan', username: '3137000001', role: 'college' },
        scope: expect.objectContaining({ provinceCode: '370000', cityCode: '370100', collegeId: 'college-jinan' }),
      }),
    ]);
    expect(JSON.stringify(entries)).not.toContain(refreshToken);
  });

  it('nothing for a body refused by validation: it never reached a service', async () => {
    const correlationId = correlated();
    const answer = await gateway.http.post('/api/v1/audit-probe/login').set('x-correlation-id', correlationId).send({ username: 'sd_reviewer' });
    expect(answer.body.code).toBe('VALIDATION_FAILED');
    expect(await entriesOf(correlationId)).toEqual([]);
  });

  it('a secret a careless rule copied, blanked', async () => {
    const correlationId = correlated();
    const answer = await gateway.http.post('/api/v1/audit-probe/careless').set('x-correlation-id', correlationId).send({ password: 'Leaked#Pass2026' });
    expect(answer.status).toBe(204);
    const [entry] = await entriesOf(correlationId);
    expect(entry.summary).toBe('新密码 ***');
  });
});
