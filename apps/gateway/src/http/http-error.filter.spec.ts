import { ErrorCatalog, PlatformError, retryLater } from '@pilot/contracts';
import { DIRECT_REPLY_QUEUE } from '@pilot/messaging';
import { uniqueName } from '@pilot/messaging/testing';
import { ServiceOnTheWire, startGateway, type GatewayUnderTest } from '../testing/gateway-under-test';

const RPC_TIMEOUT_MS = 400;
const fails = (error: PlatformError) => ({ ok: false as const, error: error.toBody() });

describe('the gateway’s answers when something goes wrong, over the real broker', () => {
  let gateway: GatewayUnderTest;
  const service = new ServiceOnTheWire(({ pattern, payload }) => {
    switch (pattern.slice(pattern.indexOf('.') + 1)) {
      case 'plan.get':
        return { ok: true, data: { id: 'plan-1', name: '2026年第一次', asked: payload } };
      case 'plan.missing':
        return fails(new PlatformError('PLAN_NOT_FOUND'));
      case 'plan.duplicate':
        return fails(new PlatformError('PLAN_NAME_TAKEN'));
      case 'profile.check':
        return fails(new PlatformError('VALIDATION_FAILED', '专任教师人数不能多于在校学生人数', { fields: { fullTimeTeachers: ['专任教师人数不能多于在校学生人数'] } }));
      case 'sms.flood':
        return fails(retryLater('SMS_ADDRESS_LIMIT', 250));
      case 'bug.hit':
        return { ok: false, error: { code: 'INTERNAL_ERROR', message: ErrorCatalog.INTERNAL_ERROR.message } };
      default:
        return 'no answer';
    }
  });

  beforeAll(async () => {
    await service.start();
    gateway = await startGateway({ RPC_TIMEOUT_MS: String(RPC_TIMEOUT_MS) });
  });

  afterAll(async () => {
    await gateway?.close();
    await service.stop();
  });

  it('sends the request to the service’s queue in the platform’s wire format and answers with its data', async () => {
    const answer = await gateway.http.get(service.route('plan.get')).set('x-correlation-id', 'http-spec-wire-0001');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ id: 'plan-1', name: '2026年第一次', asked: { askedBy: 'gateway-http-spec' } });

    const sent = service.requests.find((request) => request.pattern === `${service.name}.plan.get`);
    expect(sent?.properties).toMatchObject({
      type: `${service.name}.plan.get`,
      replyTo: expect.stringMatching(new RegExp(`^${DIRECT_REPLY_QUEUE.replace(/\./g, '\\.')}`)),
      correlationId: expect.any(String),
      contentType: 'application/json',
      expiration: String(RPC_TIMEOUT_MS),
      headers: expect.objectContaining({ 'x-correlation-id': 'http-spec-wire-0001' }),
    });
  });

  it('answers a service’s “not found” with 404 and the service’s code and Chinese message', async () => {
    const answer = await gateway.http.get(service.route('plan.missing'));
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ code: 'PLAN_NOT_FOUND', message: '未找到该申报计划' });
  });

  it('answers a refusal that knows when it ends with 429, the wait in its words and details, and Retry-After', async () => {
    const answer = await gateway.http.get(service.route('sms.flood'));
    expect(answer.status).toBe(429);
    expect(answer.headers['retry-after']).toBe('250');
    expect(answer.body).toEqual({ code: 'SMS_ADDRESS_LIMIT', message: '当前网络获取验证码过于频繁，请5分钟后再试', details: { retryAfterSeconds: 250 } });
    expect((await gateway.http.get(service.route('plan.missing'))).headers['retry-after']).toBeUndefined();
  });

  it('answers a service’s conflict with 409 and the service’s code and Chinese message', async () => {
    const answer = await gateway.http.get(service.route('plan.duplicate'));
    expect(answer.status).toBe(409);
    expect(answer.body).toEqual({ code: 'PLAN_NAME_TAKEN', message: '本省已有同名的申报批次' });
  });

  it('passes a service’s own message and field details through with the code', async () => {
    const answer = await gateway.http.get(service.route('profile.check'));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      code: 'VALIDATION_FAILED',
      message: '专任教师人数不能多于在校学生人数',
      details: { fields: { fullTimeTeachers: ['专任教师人数不能多于在校学生人数'] } },
    });
  });

  it('answers a service’s internal failure with 500 INTERNAL_ERROR and nothing more', async () => {
    const answer = await gateway.http.get(service.route('bug.hit'));
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({ code: 'INTERNAL_ERROR', message: '系统繁忙，请稍后再试' });
  });

  it('gives up on a service that does not answer in time with 504 SERVICE_TIMEOUT', async () => {
    const started = Date.now();
    const answer = await gateway.http.get(service.route('plan.silent'));
    const waited = Date.now() - started;
    expect(answer.status).toBe(504);
    expect(answer.body).toEqual({ code: 'SERVICE_TIMEOUT', message: '服务响应超时，请稍后再试' });
    expect(service.requests.map((request) => request.pattern)).toContain(`${service.name}.plan.silent`);
    expect(waited).toBeGreaterThanOrEqual(RPC_TIMEOUT_MS - 20);
    expect(waited).toBeLessThan(RPC_TIMEOUT_MS + 1000);
  });

  it('answers at once with 503 SERVICE_UNAVAILABLE when no queue takes the service’s requests', async () => {
    const started = Date.now();
    const answer = await gateway.http.get(`/api/v1/probe/${uniqueName('absent-service')}.plan.get`);
    expect(answer.status).toBe(503);
    expect(answer.body).toEqual({ code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' });
    expect(Date.now() - started).toBeLessThan(RPC_TIMEOUT_MS);
  });

  it('answers an unknown route with 404 NOT_FOUND in the error format', async () => {
    for (const [method, path] of [
      ['get', '/api/v1/no-such-thing'],
      ['post', '/api/v1/plans/plan-1/no-such-action'],
      ['get', '/no-prefix/regions/provinces'],
    ] as const) {
      const answer = await gateway.http[method](path);
      expect([path, answer.status, answer.body]).toEqual([path, 404, { code: 'NOT_FOUND', message: '请求的资源不存在' }]);
    }
  });

  it('answers a method a route does not take with 404 NOT_FOUND in the error format', async () => {
    const answer = await gateway.http.delete('/api/v1/regions/provinces');
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ code: 'NOT_FOUND', message: '请求的资源不存在' });
  });

  it('answers malformed JSON with 400 MALFORMED_REQUEST before any route sees it', async () => {
    for (const body of ['{"username": ', '{username: "admin"}', '"just a string"', 'null']) {
      const answer = await gateway.http.post('/api/v1/auth/login').set('content-type', 'application/json').send(body);
      expect([body, answer.status, answer.body]).toEqual([body, 400, { code: 'MALFORMED_REQUEST', message: '请求格式不正确' }]);
    }
  });
});
