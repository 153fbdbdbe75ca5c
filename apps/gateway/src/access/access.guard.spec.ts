import { sign } from 'jsonwebtoken';
import { JINAN_COLLEGE, SHANDONG_REVIEWER, startGateway, type GatewayUnderTest } from '../testing/gateway-under-test';

// Each route below refuses the request before any service is asked (401/403, or a body that
// fails validation once the guard has let it through).

const UNAUTHENTICATED = { code: 'UNAUTHENTICATED', message: '请先登录' };
const FORBIDDEN = { code: 'FORBIDDEN', message: '没有权限执行此操作' };
const claims = { sub: 'account-college', usr: '3137000001', role: 'college', col: 'college-jinan', prv: '370000', sid: 'session-1' };
const signed = { algorithm: 'HS256', issuer: 'pilot-identity', audience: 'pilot-api', expiresIn: 300 } as const;

describe('who may call which route', () => {
  let gateway: GatewayUnderTest;
  let college: string;
  let provinceReviewer: string;

  beforeAll(async () => {
    gateway = await startGateway();
    college = gateway.tokenFor(JINAN_COLLEGE);
    provinceReviewer = gateway.tokenFor(SHANDONG_REVIEWER);
  });

  afterAll(async () => {
    await gateway?.close();
  });

  const withToken = (authorization: string | undefined) => {
    const call = gateway.http.put('/api/v1/college/profile').send({});
    return authorization === undefined ? call : call.set('authorization', authorization);
  };

  it('asks a caller without a token to sign in (401 UNAUTHENTICATED)', async () => {
    for (const call of [
      gateway.http.get('/api/v1/plans'),
      gateway.http.get('/api/v1/notifications'),
      gateway.http.put('/api/v1/college/profile').send({}),
      gateway.http.post('/api/v1/admin/reviewers').send({}),
    ]) {
      const answer = await call;
      expect([answer.status, answer.body]).toEqual([401, UNAUTHENTICATED]);
    }
  });

  it('takes the token only as a bearer token in the Authorization header', async () => {
    for (const authorization of [college, `Basic ${college}`, 'Bearer', 'Bearer ', `Token ${college}`]) {
      const answer = await withToken(authorization);
      expect([authorization, answer.status, answer.body]).toEqual([authorization, 401, UNAUTHENTICATED]);
    }
    const inQuery = await gateway.http.get(`/api/v1/plans?access_token=${college}`);
    expect([inQuery.status, inQuery.body]).toEqual([401, UNAUTHENTICATED]);
  });

  it('refuses a token signed with another secret, altered, unsigned or meant for someone else (401)', async () => {
    const [header, , signature] = college.split('.');
    const asAdmin = Buffer.from(JSON.stringify({ ...claims, role: 'admin', iss: 'pilot-identity', aud: 'pilot-api', exp: Math.floor(Date.now() / 1000) + 300 })).toString('base64url');
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${asAdmin}.`;
    for (const [forgery, token] of [
      ['another secret', sign(claims, 'a-secret-that-is-not-the-gateways-own-32+', signed)],
      ['an altered role', `${header}.${asAdmin}.${signature}`],
      ['no signature', unsigned],
      ['another issuer', sign(claims, gateway.config.JWT_SECRET, { ...signed, issuer: 'someone-else' })],
      ['another audience', sign(claims, gateway.config.JWT_SECRET, { ...signed, audience: 'another-api' })],
      ['an unknown role', sign({ ...claims, role: 'superuser' }, gateway.config.JWT_SECRET, signed)],
      ['no session', sign({ ...claims, sid: undefined }, gateway.config.JWT_SECRET, signed)],
      ['not a token at all', 'not.a.token'],
    ]) {
      const answer = await withToken(`Bearer ${token}`);
      expect([forgery, answer.status, answer.body]).toEqual([forgery, 401, UNAUTHENTICATED]);
    }
  });

  it('tells the holder of an expired token that the sign-in has expired (401 TOKEN_EXPIRED)', async () => {
    const expired = sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 5 }, gateway.config.JWT_SECRET, { algorithm: 'HS256', issuer: 'pilot-identity', audience: 'pilot-api' });
    const answer = await withToken(`Bearer ${expired}`);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' });
  });

  it('hands the controllers the caller as the token names it, and nothing else of the token', async () => {
    const cityReviewer = gateway.tokenFor({ role: 'city_reviewer', provinceCode: '370000', cityCode: '370100' });
    const answer = await gateway.http.get('/api/v1/probe-actor').auth(cityReviewer, { type: 'bearer' });
    expect([answer.status, answer.body]).toEqual([
      200,
      { accountId: 'account-city_reviewer', username: 'user-city_reviewer', role: 'city_reviewer', provinceCode: '370000', cityCode: '370100', sessionId: 'session-http-spec' },
    ]);
    const ofCollege = await gateway.http.get('/api/v1/probe-actor').auth(college, { type: 'bearer' });
    expect(ofCollege.body).toEqual({ accountId: 'account-college', username: 'user-college', role: 'college', collegeId: 'college-jinan', provinceCode: '370000', cityCode: '370100', sessionId: 'session-http-spec' });
  });

  it('takes only HS256: a token signed with another algorithm and the same secret is refused (401)', async () => {
    const hs512 = sign({ ...claims, sv: 0 }, gateway.config.JWT_SECRET, { ...signed, algorithm: 'HS512' });
    const answer = await withToken(`Bearer ${hs512}`);
    expect([answer.status, answer.body]).toEqual([401, UNAUTHENTICATED]);
  });

  it('refuses a signed-in user whose role may not call the route (403 FORBIDDEN), before reading the body', async () => {
    const admin = gateway.tokenFor({ role: 'admin' });
    const cityReviewer = gateway.tokenFor({ role: 'city_reviewer', provinceCode: '370000', cityCode: '370100' });
    for (const [who, token, method, path] of [
      ['a college creating a plan', college, 'post', '/api/v1/plans'],
      ['a city reviewer publishing a plan', cityReviewer, 'post', '/api/v1/plans/plan-1/publish'],
      ['a province reviewer adding a reviewer', provinceReviewer, 'post', '/api/v1/admin/reviewers'],
      ['an admin editing a college profile', admin, 'put', '/api/v1/college/profile'],
      ['a reviewer creating an application', provinceReviewer, 'post', '/api/v1/applications'],
      ['a college reviewing an application', college, 'post', '/api/v1/applications/app-1/review'],
    ] as const) {
      const answer = await gateway.http[method](path).auth(token, { type: 'bearer' }).send({ unexpected: true });
      expect([who, answer.status, answer.body]).toEqual([who, 403, FORBIDDEN]);
    }
  });

  it('lets a signed-in user with the route’s role through to the route’s checks', async () => {
    const plan = await gateway.http.post('/api/v1/plans').auth(provinceReviewer, { type: 'bearer' }).send({});
    expect([plan.status, plan.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const profile = await withToken(`Bearer ${college}`);
    expect([profile.status, profile.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const plansPage = await gateway.http.get('/api/v1/plans?page=0').auth(college, { type: 'bearer' });
    expect([plansPage.status, plansPage.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('keeps the public routes open to anyone, even with a stale or forged token', async () => {
    const live = await gateway.http.get('/api/v1/health/live');
    expect([live.status, live.body]).toEqual([200, { status: 'ok' }]);
    const ready = await gateway.http.get('/api/v1/health');
    expect([ready.status, ready.body]).toEqual([200, { status: 'ok', checks: { broker: 'up', store: 'up' } }]);
    for (const authorization of [undefined, 'Bearer not.a.token']) {
      const signIn = gateway.http.post('/api/v1/auth/login').send({});
      const colleges = gateway.http.get('/api/v1/regions/provinces/37/colleges');
      for (const call of [signIn, colleges]) {
        const answer = await (authorization ? call.set('authorization', authorization) : call);
        expect([authorization, answer.status, answer.body.code]).toEqual([authorization, 400, 'VALIDATION_FAILED']);
      }
    }
  });
});
