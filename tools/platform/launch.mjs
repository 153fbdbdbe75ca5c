// Runs the whole platform from the built apps: the four services, the gateway and both front
// ends. `--detach` starts it in the background for the tests and returns once all are ready.
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, writeFileSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveApp } from './static-server.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const LOGS = join(ROOT, '.local/logs');
const PID_FILE = join(ROOT, '.local/run/platform.pid');

const env = process.env;
const ports = {
  gateway: Number(env.GATEWAY_PORT ?? 3000),
  identity: 3101,
  planning: 3102,
  applications: 3103,
  notifications: 3104,
  portal: Number(env.PORTAL_PORT ?? 4200),
  console: Number(env.CONSOLE_PORT ?? 4300),
};
const SERVICES = ['identity', 'planning', 'applications', 'notifications', 'gateway'];
const gatewayUrl = `http://127.0.0.1:${ports.gateway}`;

const command = process.argv[2] ?? 'run';
if (command === 'stop') await stop();
else if (command === 'detach') detach();
else await run();

async function run() {
  mkdirSync(LOGS, { recursive: true });
  const children = SERVICES.map((service) => startService(service));
  const servers = await Promise.all([
    serveApp({ root: join(ROOT, 'dist/apps/portal/browser'), port: ports.portal, apiTarget: gatewayUrl }),
    serveApp({ root: join(ROOT, 'dist/apps/console/browser'), port: ports.console, apiTarget: gatewayUrl }),
  ]);
  const shutdown = () => {
    for (const child of children) child.kill('SIGTERM');
    for (const server of servers) server.close();
    setTimeout(() => process.exit(0), 8000).unref();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  for (const child of children) {
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGTERM') console.error(`${child.service} exited (${signal ?? code}); see .local/logs/${child.service}.log`);
    });
  }
  try {
    await waitUntilReady();
  } catch (err) {
    console.error(err.message);
    for (const child of children) child.kill('SIGKILL');
    process.exit(1);
  }
  console.log(
    [
      '',
      '1+X 证书试点申报平台 is running:',
      `  院校端 (portal)   http://127.0.0.1:${ports.portal}/`,
      `  审核端 (console)  http://127.0.0.1:${ports.console}/`,
      `  API               ${gatewayUrl}/api/v1`,
      `  API docs          ${gatewayUrl}/api/docs`,
      `  logs              .local/logs/<service>.log`,
      '',
    ].join('\n'),
  );
}

function startService(service) {
  const log = openSync(join(LOGS, `${service}.log`), 'a');
  const child = spawn(process.execPath, [join(ROOT, 'dist/apps', service, 'main.js')], {
    cwd: ROOT,
    // Planning looks for ended windows every 2 s here, so that a demo or a test sees them close promptly.
    env: { NODE_ENV: 'development', SEED_DEMO_DATA: '1', DEV_TOOLS: '1', WINDOW_CHECK_INTERVAL_MS: '2000', ...env, HTTP_PORT: String(ports[service]) },
    stdio: ['ignore', log, log],
  });
  child.service = service;
  return child;
}

async function waitUntilReady(timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  const urls = SERVICES.map((s) => (s === 'gateway' ? `${gatewayUrl}/api/v1/health/ready` : `http://127.0.0.1:${ports[s]}/health/ready`));
  for (const url of urls) {
    for (;;) {
      const ok = await fetch(url).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`not ready in time: ${url} (see .local/logs)`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
}

function detach() {
  mkdirSync(dirname(PID_FILE), { recursive: true });
  mkdirSync(LOGS, { recursive: true });
  const out = openSync(join(LOGS, 'platform.log'), 'a');
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), 'run'], { env, detached: true, stdio: ['ignore', out, out] });
  writeFileSync(PID_FILE, String(child.pid));
  child.unref();
  waitUntilReady().then(
    () => console.log(`platform ready (pid ${child.pid}); gateway ${gatewayUrl}`),
    (err) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}

async function stop() {
  if (!existsSync(PID_FILE)) return;
  const pid = Number(readFileSync(PID_FILE, 'utf8'));
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (alive()) process.kill(pid, 'SIGTERM');
  for (let waited = 0; alive() && waited < 15_000; waited += 200) await new Promise((r) => setTimeout(r, 200));
  try {
    // The launcher leads its own process group: nothing it started may outlive it.
    process.kill(-pid, 'SIGKILL');
  } catch {
    // the group is already empty
  }
  rmSync(PID_FILE, { force: true });
}
