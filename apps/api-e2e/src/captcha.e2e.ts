import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { API, startGateway } from './gateway-process';
import { platformPort } from '@pilot/test-kit';

describe('captcha through the gateway', () => {
  it('hands out a picture with an id, whose answer the development tools can read', async () => {
    const response = await fetch(`${API}/auth/captcha`);
    expect(response.status).toBe(200);
    const { captchaId, svg } = await response.json();
    expect(captchaId).toMatch(/^[0-9a-f-]{36}$/);
    expect(svg).toMatch(/^<svg/);
    const reveal = await fetch(`${API}/dev/captcha/${captchaId}`);
    expect(reveal.status).toBe(200);
    expect(await reveal.json()).toEqual({ captchaId, answer: expect.stringMatching(/^[a-z2-9]{4}$/) });
  });

  it('gives every request a new challenge', async () => {
    const [a, b] = await Promise.all([fetch(`${API}/auth/captcha`), fetch(`${API}/auth/captcha`)].map(async (r) => (await r).json()));
    expect(a.captchaId).not.toBe(b.captchaId);
  });

  it('answers an unknown or malformed captcha id in the error format', async () => {
    const unknown = await fetch(`${API}/dev/captcha/00000000-0000-4000-8000-000000000000`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ code: 'NOT_FOUND', message: '请求的资源不存在' });
    const malformed = await fetch(`${API}/dev/captcha/not-an-id`);
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).code).toBe('VALIDATION_FAILED');
  });

  it('has no development routes on a gateway without DEV_TOOLS=1', async () => {
    const plain = await startGateway(3993, { DEV_TOOLS: '0' });
    try {
      const { captchaId } = await (await fetch(`http://127.0.0.1:${platformPort(3993)}/api/v1/auth/captcha`)).json();
      const reveal = await fetch(`http://127.0.0.1:${platformPort(3993)}/api/v1/dev/captcha/${captchaId}`);
      expect(reveal.status).toBe(404);
      expect(await reveal.json()).toEqual({ code: 'NOT_FOUND', message: '请求的资源不存在' });
    } finally {
      plain.kill('SIGTERM');
    }
  });

  it('refuses to start a gateway with the development tools on in production', async () => {
    const child = spawn(process.execPath, [join(__dirname, '../../../dist/apps/gateway/main.js')], {
      env: { ...process.env, NODE_ENV: 'production', DEV_TOOLS: '1', HTTP_PORT: '3992' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(output).toMatch(/DEV_TOOLS=1 is refused when NODE_ENV=production/);
  });
});
