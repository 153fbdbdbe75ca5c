import { JINAN_COLLEGE, SHANDONG_REVIEWER, startGateway, type GatewayUnderTest } from '../testing/gateway-under-test';

// Every request below is refused before any service is asked: the real routes ask the
// platform's services, which a platform running on the same broker would answer.

const VALIDATION_FAILED = { code: 'VALIDATION_FAILED', message: '提交的信息不完整或格式不正确' };
const CAPTCHA_ID = '6f1c1d8e-3a59-4a36-9d44-5f0c3f0a4e1b';
const plan = { year: 2026, name: '2026年第一次', startsAt: '2026-04-01T00:00:00+08:00', endsAt: '2026-04-04T23:59:59+08:00', byMajor: true, cityApprovalRequired: false };

describe('the gateway’s HTTP edge, built as main.ts builds it', () => {
  let gateway: GatewayUnderTest;
  let reviewer: string;
  let college: string;

  beforeAll(async () => {
    gateway = await startGateway();
    reviewer = gateway.tokenFor(SHANDONG_REVIEWER);
    college = gateway.tokenFor(JINAN_COLLEGE);
  });

  afterAll(async () => {
    await gateway?.close();
  });

  const fieldsOf = (body: { details?: { fields?: Record<string, string[]> } }) => body.details?.fields ?? {};

  describe('validation', () => {
    it('refuses a sign-in without its fields with 400 VALIDATION_FAILED, naming each field in Chinese', async () => {
      const answer = await gateway.http.post('/api/v1/auth/login').send({});
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        ...VALIDATION_FAILED,
        details: {
          fields: { username: ['请输入账号'], password: ['请输入密码'], captchaId: ['请先获取图形验证码'], captchaAnswer: ['请输入图形验证码'] },
        },
      });
    });

    it('refuses a field the form does not have, in Chinese, instead of passing it on', async () => {
      const answer = await gateway.http.post('/api/v1/auth/login').send({ username: 'admin', password: 'x', captchaId: CAPTCHA_ID, captchaAnswer: '', role: 'admin' });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ ...VALIDATION_FAILED, details: { fields: { role: ['不接受此字段'], captchaAnswer: ['请输入图形验证码'] } } });
    });

    it('refuses a plan that names its own author: the actor comes from the token only', async () => {
      const answer = await gateway.http.post('/api/v1/plans').auth(reviewer, { type: 'bearer' }).send({ ...plan, name: '', actor: { role: 'admin' } });
      expect(answer.status).toBe(400);
      expect(fieldsOf(answer.body)).toEqual({ actor: ['不接受此字段'], name: expect.arrayContaining(['请填写申报批次（不超过50个字）']) });
    });

    it('refuses a query parameter the list does not have', async () => {
      const answer = await gateway.http.get('/api/v1/regions/provinces/370000/colleges?sort=name');
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ ...VALIDATION_FAILED, details: { fields: { sort: ['不接受此字段'] } } });
    });

    it('refuses an operator object or a list where a text belongs', async () => {
      const answer = await gateway.http.post('/api/v1/auth/login').send({ username: { $ne: '' }, password: ['x'], captchaId: CAPTCHA_ID, captchaAnswer: 'abcd' });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ ...VALIDATION_FAILED, details: { fields: { username: ['请输入账号'], password: ['请输入密码'] } } });
    });

    it('takes numbers in a JSON body only as numbers: a plan’s year written as text is refused', async () => {
      const answer = await gateway.http.post('/api/v1/plans').auth(reviewer, { type: 'bearer' }).send({ ...plan, year: '2026', byMajor: '是' });
      expect(answer.status).toBe(400);
      expect(fieldsOf(answer.body)).toEqual({ year: expect.arrayContaining(['请选择年度']), byMajor: ['请选择是否要求按专业填报'] });
    });

    it.each([
      ['letters', 'page=abc', { page: expect.arrayContaining(['页码必须是整数']) }],
      ['a fraction', 'page=1.5', { page: expect.arrayContaining(['页码必须是整数']) }],
      ['nothing', 'page=', { page: expect.arrayContaining(['页码必须是整数']) }],
      ['a hexadecimal number', 'page=0x10', { page: expect.arrayContaining(['页码必须是整数']) }],
      ['an exponent', 'pageSize=1e1', { pageSize: expect.arrayContaining(['每页条数必须是整数']) }],
      ['the page twice', 'page=1&page=2', { page: expect.arrayContaining(['页码必须是整数']) }],
      ['page 0', 'page=0', { page: ['页码从1开始'] }],
      ['a page size over the maximum', 'pageSize=101', { pageSize: ['每页最多100条'] }],
      ['a keyword given twice', 'q=a&q=b', { q: expect.arrayContaining(['关键字必须是文字']) }],
    ])('reads a page number only from decimal digits: refuses %s', async (_case, query, fields) => {
      const answer = await gateway.http.get(`/api/v1/regions/provinces/370000/colleges?${query}`);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ ...VALIDATION_FAILED, details: { fields } });
    });

    it('reads a college’s teacher count from digits, given as a number or as text, and from nothing else', async () => {
      const teachersRefused = async (fullTimeTeachers: unknown) => {
        // The rest of the profile is missing, so the service is never asked either way.
        const answer = await gateway.http.put('/api/v1/college/profile').auth(college, { type: 'bearer' }).send({ fullTimeTeachers });
        expect(answer.status).toBe(400);
        return 'fullTimeTeachers' in fieldsOf(answer.body);
      };
      expect(await teachersRefused(120)).toBe(false);
      expect(await teachersRefused('120')).toBe(false);
      for (const wrong of ['', true, false, '0x10', '1e2', ' 120', '12.5', null, [120]]) {
        expect([wrong, await teachersRefused(wrong)]).toEqual([wrong, true]);
      }
    });

    it('names the nested field that is wrong in a plan’s certificates', async () => {
      const answer = await gateway.http
        .post('/api/v1/plans')
        .auth(reviewer, { type: 'bearer' })
        .send({ ...plan, certificates: [{ certificateId: 'X-0001', quota: 0, note: 'x' }, 'X-0002'] });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        ...VALIDATION_FAILED,
        details: { fields: { 'certificates.0.quota': ['指标人数至少为1'], 'certificates.0.note': ['不接受此字段'], 'certificates.1': ['格式不正确'] } },
      });
    });

    it('checks a path parameter like a body field', async () => {
      const answer = await gateway.http.get('/api/v1/regions/provinces/37/colleges');
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ ...VALIDATION_FAILED, details: { fields: { code: ['省份代码应为六位数字，如 370000'] } } });
    });

    it('treats a JSON list, a form or no body at all as a sign-in with its fields missing', async () => {
      const list = await gateway.http.post('/api/v1/auth/login').send([{ username: 'admin' }]);
      expect([list.status, list.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      const form = await gateway.http.post('/api/v1/auth/login').type('form').send({ username: 'admin', password: 'x' });
      expect(form.body).toEqual({ ...VALIDATION_FAILED, details: { fields: { captchaId: ['请先获取图形验证码'], captchaAnswer: ['请输入图形验证码'] } } });
      const text = await gateway.http.post('/api/v1/auth/login').set('content-type', 'text/plain').send('username=admin');
      expect(fieldsOf(text.body)).toEqual(expect.objectContaining({ username: ['请输入账号'] }));
      const none = await gateway.http.post('/api/v1/auth/login');
      expect(Object.keys(fieldsOf(none.body))).toEqual(['username', 'password', 'captchaId', 'captchaAnswer']);
    });

    it('answers JSON in a character set it cannot read with 400 MALFORMED_REQUEST', async () => {
      const answer = await gateway.http.post('/api/v1/auth/login').set('content-type', 'application/json; charset=x-unknown').send('{}');
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ code: 'MALFORMED_REQUEST', message: '请求格式不正确' });
    });
  });

  describe('headers', () => {
    it('sends helmet’s security headers on every answer, errors included, and hides the framework', async () => {
      const answers = [
        await gateway.http.get('/api/v1/health/live'),
        await gateway.http.get('/api/v1/no-such-thing'),
        await gateway.http.post('/api/v1/auth/login').send({}),
        await gateway.http.post('/api/v1/auth/login').set('content-type', 'application/json').send('{'),
      ];
      expect(answers.map((answer) => answer.status)).toEqual([200, 404, 400, 400]);
      for (const { headers } of answers) {
        expect(headers).toMatchObject({
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'SAMEORIGIN',
          'referrer-policy': 'no-referrer',
          'strict-transport-security': expect.stringContaining('max-age='),
          'cross-origin-opener-policy': 'same-origin',
        });
        expect(headers['content-security-policy']).toEqual(expect.stringContaining("default-src 'self'"));
        expect(headers['content-security-policy']).toEqual(expect.stringContaining("object-src 'none'"));
        expect(headers['x-powered-by']).toBeUndefined();
      }
    });

    it('echoes a sane correlation id the caller sends', async () => {
      for (const id of ['portal-0f3a9c21', 'trace.2026:12-04_abcdef']) {
        const answer = await gateway.http.get('/api/v1/health/live').set('x-correlation-id', id);
        expect(answer.headers['x-correlation-id']).toBe(id);
      }
    });

    it('makes a new correlation id for each request that comes without one', async () => {
      const first = await gateway.http.get('/api/v1/health/live');
      const second = await gateway.http.get('/api/v1/no-such-thing');
      const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
      expect(first.headers['x-correlation-id']).toMatch(uuid);
      expect(second.headers['x-correlation-id']).toMatch(uuid);
      expect(first.headers['x-correlation-id']).not.toBe(second.headers['x-correlation-id']);
    });

    it('replaces a correlation id that is too short, too long or has characters a log line should not carry', async () => {
      for (const insane of ['abc', 'x'.repeat(129), 'id with spaces 123', '<script>alert(1)</script>', 'abcdefgh"}{"level":"fatal']) {
        const answer = await gateway.http.get('/api/v1/health/live').set('x-correlation-id', insane);
        expect([insane, answer.headers['x-correlation-id']]).toEqual([insane, expect.stringMatching(/^[0-9a-f-]{36}$/)]);
      }
    });
  });
});

describe('the gateway’s limits, from its settings', () => {
  let gateway: GatewayUnderTest;
  // The spec stands where a proxy in front of the gateway would (TRUSTED_PROXIES names this
  // machine), so each test tells the gateway a client address of its own and their requests
  // do not count against each other's allowance.
  const from = (address: string) => ({ 'x-forwarded-for': address });

  beforeAll(async () => {
    gateway = await startGateway({ BODY_LIMIT: '4kb', RATE_LIMIT_PER_MINUTE: '5', TRUSTED_PROXIES: '127.0.0.1' });
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it('refuses a body over BODY_LIMIT with 413 PAYLOAD_TOO_LARGE, as JSON or as a form', async () => {
    const filler = 'x'.repeat(5 * 1024);
    const json = await gateway.http.post('/api/v1/auth/login').set(from('198.51.100.1')).send({ username: filler });
    expect(json.status).toBe(413);
    expect(json.body).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大' });
    const form = await gateway.http.post('/api/v1/auth/login').set(from('198.51.100.1')).type('form').send({ username: filler });
    expect(form.status).toBe(413);
    expect(form.body).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大' });
  });

  it('reads a body under BODY_LIMIT', async () => {
    const answer = await gateway.http.post('/api/v1/auth/login').set(from('198.51.100.2')).send({ username: 'x'.repeat(3 * 1024) });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers 429 RATE_LIMITED once a client goes over RATE_LIMIT_PER_MINUTE over all routes, and only that client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await gateway.http.post('/api/v1/auth/login').set(from('198.51.100.3')).send({})).status);
    for (let i = 0; i < 3; i++) statuses.push((await gateway.http.get('/api/v1/regions/provinces/x/colleges').set(from('198.51.100.3'))).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);

    const limited = await gateway.http.post('/api/v1/auth/login').set(from('198.51.100.3')).send({});
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

    expect((await gateway.http.post('/api/v1/auth/login').set(from('198.51.100.4')).send({})).status).toBe(400);
  });

  it('counts the client the trusted proxy names: addresses the client wrote before it change nothing', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await gateway.http.post('/api/v1/auth/login').set(from(`203.0.113.${i + 1}, 198.51.100.6`)).send({})).status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);
  });

  it('never limits the health probes, which orchestrators call all the time', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await gateway.http.get('/api/v1/health/live').set(from('198.51.100.5'))).status);
    expect(statuses).toEqual(Array(8).fill(200));
  });
});

describe('the gateway without trusted proxies (TRUSTED_PROXIES empty, the default)', () => {
  let gateway: GatewayUnderTest;

  beforeAll(async () => {
    gateway = await startGateway({ RATE_LIMIT_PER_MINUTE: '5' });
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it('believes no X-Forwarded-For: a new address in it with every request does not lift the rate limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await gateway.http.post('/api/v1/auth/login').set('x-forwarded-for', `198.51.100.${i + 10}`).send({})).status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);
  });
});
