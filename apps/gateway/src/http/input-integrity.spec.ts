import { MAX_PAGE } from '@pilot/contracts';
import { connect, type AddressInfo } from 'node:net';
import { JINAN_COLLEGE, SHANDONG_REVIEWER, startGateway, type GatewayUnderTest } from '../testing/gateway-under-test';
import { MAX_JSON_DEPTH } from './json-body';

// Every request below is refused at the edge, before any service is asked (the services on the
// same broker may belong to a running platform).

const APPLICATION_ID = '6650f1d2a1b2c3d4e5f60718';
const PLAN_ID = '6650f1d2a1b2c3d4e5f60719';
const CAPTCHA_ID = '6f1c1d8e-3a59-4a36-9d44-5f0c3f0a4e1b';
const TOO_DEEP = { code: 'PAYLOAD_TOO_DEEP', message: '提交的内容嵌套层级过深' };

/** `levels` arrays or objects inside one another, as raw JSON text. */
const nestedArrays = (levels: number) => `${'['.repeat(levels)}1${']'.repeat(levels)}`;
const nestedObjects = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

const PROFILE = {
  collegeType: '高职',
  address: '济南市历下区测试路1号',
  postalCode: '250000',
  principalName: '张校长',
  leaderName: '李副校长',
  contactName: '王老师',
  contactPhone: '0531-88888888',
  email: 'office@example.edu.cn',
  fullTimeTeachers: 300,
  students: 9000,
};

describe('input the gateway refuses at its edge', () => {
  let gateway: GatewayUnderTest;
  let college: string;
  let reviewer: string;

  beforeAll(async () => {
    gateway = await startGateway();
    college = gateway.tokenFor(JINAN_COLLEGE);
    reviewer = gateway.tokenFor(SHANDONG_REVIEWER);
  });

  afterAll(async () => {
    await gateway?.close();
  });

  const fieldsOf = (body: { details?: { fields?: Record<string, string[]> } }) => body.details?.fields ?? {};
  const json = (method: 'post' | 'put' | 'patch', path: string, text: string, token?: string) => {
    const sent = gateway.http[method](path).set('content-type', 'application/json');
    return (token ? sent.auth(token, { type: 'bearer' }) : sent).send(text);
  };

  describe('JSON nested too deep', () => {
    it.each([
      ['an anonymous sign-in', 'post', '/api/v1/auth/login', undefined],
      ['a college editing an application', 'put', `/api/v1/applications/${APPLICATION_ID}`, 'college'],
      ['a reviewer writing a plan', 'patch', `/api/v1/plans/${PLAN_ID}`, 'reviewer'],
      ['a route that reads no body', 'post', '/api/v1/notifications/read-all', 'college'],
      ['an unknown route', 'post', '/api/v1/no-such-route', undefined],
    ] as const)('is refused with 400 PAYLOAD_TOO_DEEP on %s, 3,000 levels of arrays or of objects', async (_case, method, path, who) => {
      const token = who === 'college' ? college : who === 'reviewer' ? reviewer : undefined;
      for (const body of [nestedArrays(3_000), nestedObjects(3_000), `{"username":${nestedArrays(3_000)}}`]) {
        const answer = await json(method, path, body, token);
        expect([answer.status, answer.body]).toEqual([400, TOO_DEEP]);
      }
    });

    it(`reads JSON up to ${MAX_JSON_DEPTH} levels, and brackets inside strings are text, not nesting`, async () => {
      const deepest = await json('post', '/api/v1/auth/login', `{"username":${nestedArrays(MAX_JSON_DEPTH - 1)}}`);
      expect([deepest.status, deepest.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(fieldsOf(deepest.body)).toHaveProperty('username');
      const oneMore = await json('post', '/api/v1/auth/login', `{"username":${nestedArrays(MAX_JSON_DEPTH)}}`);
      expect([oneMore.status, oneMore.body]).toEqual([400, TOO_DEEP]);
      const inText = await json('post', '/api/v1/auth/login', JSON.stringify({ username: `\\"${'['.repeat(3_000)}{"` }));
      expect([inText.status, inText.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    });

    it('is measured in the JSON’s own character set', async () => {
      const answer = await gateway.http
        .post('/api/v1/auth/login')
        .set('content-type', 'application/json; charset=utf-16le')
        // superagent would write a Buffer as JSON of its bytes; these bytes are the body itself.
        .serialize((bytes) => bytes)
        .send(Buffer.from(nestedArrays(3_000), 'utf16le'));
      expect([answer.status, answer.body]).toEqual([400, TOO_DEEP]);
    });
  });

  describe('null where a value belongs', () => {
    it.each(['fileIds', 'majorCodes', 'plannedTrainees', 'teachersHtml', 'venueHtml', 'version'])(
      'is refused for an application’s %s: leaving a field out is how an edit keeps it',
      async (field) => {
        const answer = await gateway.http.put(`/api/v1/applications/${APPLICATION_ID}`).auth(college, { type: 'bearer' }).send({ [field]: null });
        expect([answer.status, answer.body.code]).toEqual([400, 'VALIDATION_FAILED']);
        expect(Object.keys(fieldsOf(answer.body))).toEqual([field]);
      },
    );

    it('is refused for a plan’s optional certificates and for any field of a plan’s change', async () => {
      const plan = { year: 2026, name: '2026年第一次', startsAt: '2026-04-01T00:00:00+08:00', endsAt: '2026-04-04T23:59:59+08:00', byMajor: true, cityApprovalRequired: false };
      const created = await gateway.http.post('/api/v1/plans').auth(reviewer, { type: 'bearer' }).send({ ...plan, certificates: null });
      expect(Object.keys(fieldsOf(created.body))).toEqual(['certificates']);
      for (const field of ['certificates', 'name', 'endsAt', 'year', 'byMajor', 'version']) {
        const changed = await gateway.http.patch(`/api/v1/plans/${PLAN_ID}`).auth(reviewer, { type: 'bearer' }).send({ [field]: null });
        expect([field, changed.status, Object.keys(fieldsOf(changed.body))]).toEqual([field, 400, [field]]);
      }
    });

    it('is refused for a review’s comment and a college profile’s description', async () => {
      const review = await gateway.http.post(`/api/v1/applications/${APPLICATION_ID}/review`).auth(reviewer, { type: 'bearer' }).send({ decision: 'reject', comment: null });
      expect(Object.keys(fieldsOf(review.body))).toEqual(['comment']);
      const profile = await gateway.http.put('/api/v1/college/profile').auth(college, { type: 'bearer' }).send({ ...PROFILE, description: null });
      expect(Object.keys(fieldsOf(profile.body))).toEqual(['description']);
    });
  });

  describe('text that is not valid Unicode', () => {
    it('is refused with 400 when a college’s e-mail holds a lone surrogate', async () => {
      const answer = await gateway.http.put('/api/v1/college/profile').auth(college, { type: 'bearer' }).send({ ...PROFILE, email: 'a\ud800@example.com' });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: { email: ['含有无法识别的字符'] } } });
    });

    it('is refused anywhere in a body: a nested item, a field name, an anonymous form', async () => {
      const item = await gateway.http.put(`/api/v1/applications/${APPLICATION_ID}`).auth(college, { type: 'bearer' }).send({ majorCodes: ['510203', '\udc00'] });
      expect(fieldsOf(item.body)).toEqual({ 'majorCodes.1': ['含有无法识别的字符'] });
      const name = await gateway.http.post('/api/v1/auth/login').send({ ['x\ud83d']: 1 });
      expect([name.status, name.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      const login = await gateway.http.post('/api/v1/auth/login').send({ username: '\ud800', password: 'x', captchaId: CAPTCHA_ID, captchaAnswer: 'abcd' });
      expect(fieldsOf(login.body)).toEqual({ username: ['含有无法识别的字符'] });
    });

    it('keeps Chinese, emoji and other text made of whole characters', async () => {
      const answer = await gateway.http.post('/api/v1/auth/login').send({ username: '张三😀𠮷', password: 'x', captchaId: CAPTCHA_ID, captchaAnswer: '' });
      expect(fieldsOf(answer.body)).toEqual({ captchaAnswer: ['请输入图形验证码'] });
    });
  });

  describe('field names that reach into prototypes', () => {
    it.each(['__proto__', 'constructor', 'prototype'])('refuses %s as a query parameter, like any unknown one', async (name) => {
      const answer = await gateway.http.get(`/api/v1/regions/provinces/370000/colleges?${name}=1`);
      expect([answer.status, fieldsOf(answer.body)]).toEqual([400, { [name]: ['不接受此字段'] }]);
    });

    it('refuses them in a body, nested ones included', async () => {
      const body = '{"username":"a","password":"b","captchaId":"6f1c1d8e-3a59-4a36-9d44-5f0c3f0a4e1b","captchaAnswer":"c","__proto__":{"role":"admin"}}';
      const top = await json('post', '/api/v1/auth/login', body);
      // A literal { __proto__: … } would set the prototype; JSON.parse makes the field, as the gateway's parser does.
      expect([top.status, fieldsOf(top.body)]).toEqual([400, JSON.parse('{"__proto__":["不接受此字段"]}')]);
      const nested = await json('put', `/api/v1/applications/${APPLICATION_ID}`, '{"majorCodes":[{"constructor":{"prototype":{"x":1}}}]}', college);
      expect([nested.status, fieldsOf(nested.body)]).toEqual([400, { 'majorCodes.0.constructor': ['不接受此字段'] }]);
    });
  });

  describe('requests Node’s HTTP parser refuses', () => {
    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const { port } = gateway.app.getHttpServer().address() as AddressInfo;
        const socket = connect(port, '127.0.0.1', () => socket.end(request));
        let answer = '';
        socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
        socket.on('end', () => resolve(answer));
        socket.on('error', reject);
      });

    beforeAll(async () => {
      await new Promise<void>((resolve) => gateway.app.getHttpServer().listen(0, '127.0.0.1', resolve));
    });

    it('answers a URL over the header limit with 431 HEADERS_TOO_LARGE as JSON', async () => {
      const answer = await raw(`GET /api/v1/regions/provinces/370000/colleges?q=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
      expect(answer).toMatch(/^HTTP\/1\.1 431 /);
      expect(answer).toContain('application/json');
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({ code: 'HEADERS_TOO_LARGE', message: '请求的网址或请求头过长' });
    });

    it('answers a broken request line with 400 MALFORMED_REQUEST as JSON', async () => {
      const answer = await raw('GET /api/v1/health/live HTTP/9.x\r\n\r\n');
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({ code: 'MALFORMED_REQUEST', message: '请求格式不正确' });
    });
  });

  describe('numbers', () => {
    it.each([
      ['true', true],
      ['false', false],
      ['an exponent in text', '1e5'],
      ['an exponent number written as text, with a sign', '+1e2'],
      ['a hexadecimal number', '0x10'],
      ['infinity', 'Infinity'],
      ['not a number', 'NaN'],
      ['a fraction', 1.5],
      ['a negative number', -1],
      ['a list of one number', [80]],
    ])('refuses %s as a planned headcount', async (_case, plannedTrainees) => {
      const answer = await gateway.http.put(`/api/v1/applications/${APPLICATION_ID}`).auth(college, { type: 'bearer' }).send({ plannedTrainees });
      expect([answer.status, Object.keys(fieldsOf(answer.body))]).toEqual([400, ['plannedTrainees']]);
    });

    it('refuses a JSON number too large to be finite', async () => {
      const answer = await json('put', `/api/v1/applications/${APPLICATION_ID}`, '{"plannedTrainees":1e400}', college);
      expect([answer.status, Object.keys(fieldsOf(answer.body))]).toEqual([400, ['plannedTrainees']]);
    });

    it.each([
      ['page=true', 'page'],
      ['page=1e1', 'page'],
      ['pageSize=true', 'pageSize'],
      ['year=2e3', 'year'],
      ['year=true', 'year'],
      [`page=${MAX_PAGE + 1}`, 'page'],
      ['page=999999999999999', 'page'],
      ['pageSize=0', 'pageSize'],
      ['pageSize=1000', 'pageSize'],
    ])('refuses %s in a query instead of reading or clamping it', async (query, field) => {
      const answer = await gateway.http.get(`/api/v1/plans?${query}`).auth(reviewer, { type: 'bearer' });
      expect([answer.status, Object.keys(fieldsOf(answer.body))]).toEqual([400, [field]]);
    });

    it('refuses a boolean or an exponent as a college’s counts', async () => {
      for (const wrong of [true, '1e3', 1e21, -0.5]) {
        const answer = await gateway.http.put('/api/v1/college/profile').auth(college, { type: 'bearer' }).send({ ...PROFILE, students: wrong });
        expect([wrong, answer.status, Object.keys(fieldsOf(answer.body))]).toEqual([wrong, 400, ['students']]);
      }
    });
  });
});
