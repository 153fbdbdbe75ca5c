import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { alive } from './scale/replica-control';

const ROOT = join(__dirname, '../../..');
const LAUNCHER = join(ROOT, 'tools/platform/launch.mjs');
// A slot of its own, beside the platform these tests run against.
const SPARE_SLOT = '8';
const spareIdentityPort = 3101 + 8000;

function launcher(args: string[], slot?: string) {
  const env = { ...process.env, ...(slot ? { PLATFORM_SLOT: slot } : {}) };
  return spawnSync(process.execPath, [LAUNCHER, ...args], { env, encoding: 'utf8', timeout: 60_000 });
}

function holdPort(port: number): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('the platform launcher', () => {
  // A spare platform left by an earlier run that was cut short would hold the ports.
  beforeAll(() => launcher(['stop'], SPARE_SLOT));
  afterAll(() => launcher(['stop'], SPARE_SLOT));

  it('refuses a second start of the running platform and names its launcher', () => {
    const slot = process.env['PLATFORM_SLOT'] ?? '0';
    const pidFile = join(ROOT, '.local/run', slot === '0' ? '' : `slot-${slot}`, 'platform.pid');
    const running = readFileSync(pidFile, 'utf8').trim();
    const again = launcher(['detach']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`already running (launcher pid ${running})`);
  });

  it('fails at once when a port it needs is taken, naming the holder', async () => {
    const holder = await holdPort(spareIdentityPort);
    try {
      const started = Date.now();
      const attempt = launcher(['detach'], SPARE_SLOT);
      expect(attempt.status).toBe(1);
      expect(attempt.stderr).toContain(`${spareIdentityPort} (pid ${process.pid}:`);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      holder.close();
    }
  });

  it('stops a platform started in a terminal with run, replicas included', async () => {
    const run = join(ROOT, '.local/run', `slot-${SPARE_SLOT}`);
    const pidFile = join(run, 'platform.pid');
    const replicasFile = join(run, 'replicas.json');
    const terminal = spawn(process.execPath, [LAUNCHER, 'run'], { env: { ...process.env, PLATFORM_SLOT: SPARE_SLOT }, stdio: 'ignore' });
    const exited = new Promise((resolve) => terminal.once('exit', resolve));
    await until(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim() === String(terminal.pid), 'the launcher to record itself');
    const startedPids = () => (existsSync(replicasFile) ? (JSON.parse(readFileSync(replicasFile, 'utf8')) as { pid: number | null }[]).map((r) => r.pid) : []);
    await until(() => startedPids().length === 5 && startedPids().every(Boolean), 'the launcher to start its replicas');
    const replicaPids = startedPids() as number[];

    expect(launcher(['stop'], SPARE_SLOT).status).toBe(0);
    await exited;
    expect(existsSync(pidFile)).toBe(false);
    expect(replicaPids.filter(alive)).toEqual([]);
  }, 90_000);
});
