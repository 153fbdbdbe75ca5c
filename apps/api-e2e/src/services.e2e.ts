import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { platformPort } from '@pilot/test-kit';

const SERVICE_PORTS = { identity: platformPort(3101), planning: platformPort(3102), applications: platformPort(3103), notifications: platformPort(3104) };

function runService(service: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [join(__dirname, '../../../dist/apps', service, 'main.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const lines = () =>
    output
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { child, exited, lines };
}

async function waitForReady(port: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.ok, () => false))) {
    if (Date.now() > deadline) throw new Error(`service on ${port} not ready`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('every service', () => {
  it.each(Object.entries(SERVICE_PORTS))('%s reports live, and ready with its broker and store up', async (_service, port) => {
    expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { store: 'up', broker: 'up' } });
  });

  it('refuses to start on a bad setting and says which one, in a JSON log line', async () => {
    const { exited, lines } = runService('planning', { HTTP_PORT: 'not-a-port', MONGO_URL: 'postgres://nope' });
    expect(await exited).toEqual({ code: 1, signal: null });
    const fatal = lines().find((line) => line['level'] === 'fatal');
    expect(fatal).toMatchObject({ service: 'planning', msg: 'service failed to start' });
    expect(String(fatal?.['error'])).toMatch(/HTTP_PORT/);
    expect(String(fatal?.['error'])).toMatch(/MONGO_URL/);
  });

  it('stops gracefully on SIGTERM: stops consuming, then exits cleanly', async () => {
    const { child, exited, lines } = runService('applications', { HTTP_PORT: '3203' });
    await waitForReady(3203);
    child.kill('SIGTERM');
    expect(await exited).toEqual({ code: 0, signal: null });
    const messages = lines().map((line) => line['msg']);
    expect(messages).toContain('messaging stopped taking work');
    expect(messages.indexOf('messaging stopped taking work')).toBeGreaterThan(messages.indexOf('service started'));
    expect(messages.indexOf('service stopped')).toBeGreaterThan(messages.indexOf('messaging stopped taking work'));
  });
});
