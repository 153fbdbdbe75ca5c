import { execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API, GATEWAY_URL, startGateway } from './gateway-process';
import { platformPort } from '@pilot/test-kit';

const LOGS = join(__dirname, '../../../.local/logs');

describe('the gateway at the edge', () => {
  it('reports ready when it, the broker and its store (evidence files) answer', async () => {
    const response = await fetch(`${API}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', checks: { broker: 'up', store: 'up' } });
    expect((await fetch(`${API}/health/live`)).status).toBe(200);
  });

  it('serves its OpenAPI description at /api/docs', async () => {
    const document = await (await fetch(`${GATEWAY_URL}/api/docs/openapi.json`)).json();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/regions/provinces', '/api/v1/regions/provinces/{code}/colleges']),
    );
    const page = await fetch(`${GATEWAY_URL}/api/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger');
  });

  it('sends security headers and hides the framework', async () => {
    const response = await fetch(`${API}/regions/provinces`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('strict-transport-security')).toBeTruthy();
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('echoes the caller’s correlation id, or makes one', async () => {
    const given = await fetch(`${API}/regions/provinces`, { headers: { 'x-correlation-id': 'e2e-corr-12345' } });
    expect(given.headers.get('x-correlation-id')).toBe('e2e-corr-12345');
    const made = await fetch(`${API}/regions/provinces`);
    expect(made.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('carries the correlation id over the bus into the JSON log lines of the gateway and the service', async () => {
    const correlationId = `e2e-trace-${Date.now()}`;
    await fetch(`${API}/regions/provinces/320000/colleges`, { headers: { 'x-correlation-id': correlationId } });
    const logged = (service: string) =>
      readFileSync(join(LOGS, `${service}.log`), 'utf8')
        .split('\n')
        .filter((line) => line.includes(correlationId))
        .map((line) => JSON.parse(line));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(logged('gateway')).toContainEqual(expect.objectContaining({ msg: 'request', status: 200, correlationId }));
    expect(logged('identity')).toContainEqual(
      expect.objectContaining({ msg: 'rpc handled', pattern: 'identity.college.search', correlationId }),
    );
  });

  it('answers an unknown route with 404 NOT_FOUND in the error format', async () => {
    const response = await fetch(`${API}/no-such-thing`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: 'NOT_FOUND', message: '请求的资源不存在' });
  });

  it('refuses a body over the size limit with 413 and malformed JSON with 400', async () => {
    const big = await fetch(`${API}/regions/provinces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ filler: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大' });
    const broken = await fetch(`${API}/regions/provinces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"unterminated": ',
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ code: 'MALFORMED_REQUEST', message: '请求格式不正确' });
  });

  describe('with a low rate limit', () => {
    let limited: ChildProcess;
    beforeAll(async () => {
      limited = await startGateway(3990, { RATE_LIMIT_PER_MINUTE: '5' });
    });
    afterAll(() => {
      limited.kill('SIGTERM');
    });

    it('answers 429 RATE_LIMITED once a client goes over it', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        statuses.push((await fetch(`http://127.0.0.1:${platformPort(3990)}/api/v1/regions/provinces`)).status);
      }
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses.slice(5)).toEqual([429, 429]);
      const body = await (await fetch(`http://127.0.0.1:${platformPort(3990)}/api/v1/regions/provinces`)).json();
      expect(body).toEqual({ code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试' });
    });
  });

  describe('when the answering service does not answer', () => {
    let impatient: ChildProcess;
    beforeAll(async () => {
      impatient = await startGateway(3991, { RPC_TIMEOUT_MS: '1000' });
    });
    afterAll(() => {
      impatient.kill('SIGTERM');
    });

    it('gives up with 504 SERVICE_TIMEOUT, never a hang or a stack, and recovers when it is back', async () => {
      const identity = execFileSync('pgrep', ['-f', 'dist/apps/identity/main.js']).toString().trim().split(/\s+/).map(Number);
      identity.forEach((pid) => process.kill(pid, 'SIGSTOP'));
      try {
        const started = Date.now();
        const response = await fetch(`http://127.0.0.1:${platformPort(3991)}/api/v1/regions/provinces`);
        expect(response.status).toBe(504);
        expect(await response.json()).toEqual({ code: 'SERVICE_TIMEOUT', message: '服务响应超时，请稍后再试' });
        expect(Date.now() - started).toBeLessThan(3000);
      } finally {
        identity.forEach((pid) => process.kill(pid, 'SIGCONT'));
      }
      expect((await fetch(`http://127.0.0.1:${platformPort(3991)}/api/v1/regions/provinces`)).status).toBe(200);
    });
  });
});
