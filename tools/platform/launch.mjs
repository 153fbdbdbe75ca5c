// Runs the whole platform from the built apps: the four services, the gateway and both front
// ends. `detach` starts it in the background for the tests and returns once all are ready.
//
//   node tools/platform/launch.mjs run|detach [--scale applications=2 ...] | stop
//
// `--scale` runs several replicas of a service, as `docker compose --scale` does: replica k
// listens for health on the service's port + 10·(k-1) and logs to .local/logs/<service>-<k>.log.
// Like an orchestrator, the launcher starts a replica again when it exits, and it keeps the
// replicas' names, process ids and ports in .local/run/replicas.json for tools and tests.
//
// `PLATFORM_SLOT=n` (1-9) runs a second platform beside the first on one machine: every port
// moves up by n·1000, and the services use their own RabbitMQ virtual host and databases.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, openSync, writeFileSync, readFileSync, existsSync, rmSync, renameSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { serveApp } from './static-server.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const env = process.env;
const slot = slotOf(env.PLATFORM_SLOT);
const RUN = join(ROOT, '.local/run', slot === 0 ? '' : `slot-${slot}`);
const LOGS = join(ROOT, '.local/logs', slot === 0 ? '' : `slot-${slot}`);
const PID_FILE = join(RUN, 'platform.pid');
const REPLICAS_FILE = join(RUN, 'replicas.json');
const offset = slot * 1000;
const ports = {
  gateway: Number(env.GATEWAY_PORT ?? 3000 + offset),
  identity: 3101 + offset,
  planning: 3102 + offset,
  applications: 3103 + offset,
  notifications: 3104 + offset,
  portal: Number(env.PORTAL_PORT ?? 4200 + offset),
  console: Number(env.CONSOLE_PORT ?? 4300 + offset),
};
const SERVICES = ['identity', 'planning', 'applications', 'notifications', 'gateway'];
// The front ends reach one gateway port, so the gateway runs once here (compose and Kubernetes
// put a load balancer in front of its replicas).
const SCALABLE = SERVICES.filter((service) => service !== 'gateway');
const gatewayUrl = `http://127.0.0.1:${ports.gateway}`;

const [command = 'run', ...options] = process.argv.slice(2);
const replicas = replicasOf(parseScale(options));
if (command === 'stop') await stop();
else if (command === 'detach') await detach();
else await run();

function slotOf(value = '0') {
  if (!/^[0-9]$/.test(value)) {
    console.error('PLATFORM_SLOT must be a digit (0 is the default platform)');
    process.exit(2);
  }
  return Number(value);
}

function parseScale(args) {
  const scale = {};
  for (let i = 0; i < args.length; i += 1) {
    const match = args[i] === '--scale' ? /^([a-z]+)=(\d+)$/.exec(args[i + 1] ?? '') : null;
    if (!match || !SCALABLE.includes(match[1]) || Number(match[2]) < 1 || Number(match[2]) > 5) {
      console.error(`usage: launch.mjs run|detach [--scale <${SCALABLE.join('|')}>=<1-5>]... | stop`);
      process.exit(2);
    }
    scale[match[1]] = Number(match[2]);
    i += 1;
  }
  return scale;
}

function replicasOf(scale) {
  return SERVICES.flatMap((service) =>
    Array.from({ length: scale[service] ?? 1 }, (_, index) => ({
      service,
      instance: index === 0 ? service : `${service}-${index + 1}`,
      port: ports[service] + 10 * index,
    })),
  );
}

function logOf(name) {
  return relative(ROOT, join(LOGS, `${name}.log`));
}

function healthUrl({ service, port }) {
  return service === 'gateway' ? `http://127.0.0.1:${port}/api/v1/health/ready` : `http://127.0.0.1:${port}/health/ready`;
}

async function run() {
  mkdirSync(LOGS, { recursive: true });
  await refuseWhenTaken();
  recordLauncher(process.pid);
  // One key per run, so that every replica of notifications reads the development SMS inbox.
  const runEnv = { DEV_INBOX_KEY: randomBytes(24).toString('base64url'), ...slotEnv(), ...env };
  let stopping = false;
  const children = new Map();
  const supervise = (replica, restarts = 0) => {
    const child = startReplica(replica, runEnv);
    const startedAt = Date.now();
    children.set(replica.instance, child);
    writeReplicas(children);
    child.on('exit', (code, signal) => {
      if (stopping) return;
      // Back off when a replica keeps failing at start-up; a long-lived one comes back at once.
      const quick = Date.now() - startedAt < 30_000;
      const delay = quick ? Math.min(30_000, 1000 * 2 ** restarts) : 1000;
      console.error(`${replica.instance} exited (${signal ?? code}); starting it again in ${delay} ms (log: ${logOf(replica.instance)})`);
      setTimeout(() => !stopping && supervise(replica, quick ? restarts + 1 : 0), delay);
    });
  };
  replicas.forEach((replica) => supervise(replica));
  const servers = await Promise.all([
    serveApp({ root: join(ROOT, 'dist/apps/portal/browser'), port: ports.portal, apiTarget: gatewayUrl }),
    serveApp({ root: join(ROOT, 'dist/apps/console/browser'), port: ports.console, apiTarget: gatewayUrl }),
  ]);
  // Each replica finishes the messages it holds before it exits (graceful stop), so wait for them.
  const shutdown = () => {
    stopping = true;
    for (const server of servers) server.close();
    rmSync(REPLICAS_FILE, { force: true });
    forgetLauncher(process.pid);
    const running = [...children.values()].filter((child) => child.exitCode === null && child.signalCode === null);
    let left = running.length;
    if (left === 0) process.exit(0);
    for (const child of running) {
      child.once('exit', () => (left -= 1) === 0 && process.exit(0));
      child.kill('SIGTERM');
    }
    setTimeout(() => process.exit(0), 25_000).unref();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  try {
    await waitUntilReady();
  } catch (err) {
    console.error(err.message);
    stopping = true;
    for (const child of children.values()) child.kill('SIGKILL');
    forgetLauncher(process.pid);
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
      `  logs              ${logOf('<service>')}`,
      ...(replicas.length > SERVICES.length ? [`  replicas          ${replicas.map((r) => r.instance).join(' ')}`] : []),
      '',
    ].join('\n'),
  );
}

// A slot's services keep to a virtual host and databases of their own, so that two platforms on
// one broker and one store never take each other's messages or documents.
function slotEnv() {
  if (slot === 0 || env.AMQP_URL) return {};
  const vhost = `pilot-slot-${slot}`;
  execFileSync('rabbitmqctl', ['add_vhost', vhost], { stdio: 'ignore' });
  execFileSync('rabbitmqctl', ['set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*'], { stdio: 'ignore' });
  return { AMQP_URL: `amqp://guest:guest@127.0.0.1:5672/${vhost}` };
}

function databaseOf(service) {
  return slot === 0 ? {} : { MONGO_DB: `slot${slot}_${service}` };
}

// Another platform answering on these ports would pass the health checks in its place, and the
// tests would then run against it: refuse at once, naming who holds the port.
async function refuseWhenTaken() {
  const running = runningLauncher();
  if (running) fail(`the platform of this checkout is already running (launcher pid ${running}); stop it with: node tools/platform/launch.mjs stop`);
  const needed = [...replicas.map((replica) => replica.port), ports.portal, ports.console];
  const taken = [];
  for (const port of needed) if (!(await isFree(port))) taken.push(`${port} (${holderOf(port)})`);
  if (taken.length) fail(`ports already taken: ${taken.join(', ')}; stop what holds them, or run beside it with PLATFORM_SLOT=1..9`);
}

function isFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

function holderOf(port) {
  try {
    const line = execFileSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' });
    const holder = /\("([^"]+)",pid=(\d+)/.exec(line);
    if (!holder) return 'held by an unknown process';
    const command = readFileSync(`/proc/${holder[2]}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    return `pid ${holder[2]}: ${command || holder[1]}`;
  } catch {
    return 'held by an unknown process';
  }
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

function recordLauncher(pid) {
  mkdirSync(dirname(PID_FILE), { recursive: true });
  writeFileSync(PID_FILE, String(pid));
}

function forgetLauncher(pid) {
  if (runningLauncher() === pid) rmSync(PID_FILE, { force: true });
}

function runningLauncher() {
  if (!existsSync(PID_FILE)) return null;
  const pid = Number(readFileSync(PID_FILE, 'utf8'));
  return isAlive(pid) ? pid : null;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function startReplica({ service, instance, port }, runEnv) {
  const log = openSync(join(LOGS, `${instance}.log`), 'a');
  return spawn(process.execPath, [join(ROOT, 'dist/apps', service, 'main.js')], {
    cwd: ROOT,
    // Planning looks for ended windows every 2 s here, so that a demo or a test sees them close
    // promptly; a killed replica's events are taken over after 10 s instead of a minute. Every
    // request of a demo or a test run comes from this machine, which the per-address SMS and
    // sign-in limits therefore leave out (the per-phone and per-account ones still apply).
    env: {
      NODE_ENV: 'development',
      SEED_DEMO_DATA: '1',
      DEV_TOOLS: '1',
      WINDOW_CHECK_INTERVAL_MS: '2000',
      MESSAGE_CLAIM_LEASE_MS: '10000',
      LIMIT_EXEMPT_ADDRESSES: '127.0.0.1,::1',
      ...runEnv,
      ...databaseOf(service),
      HTTP_PORT: String(port),
      INSTANCE_ID: instance,
    },
    stdio: ['ignore', log, log],
  });
}

function writeReplicas(children) {
  const listed = replicas.map((replica) => ({ ...replica, pid: children.get(replica.instance)?.pid ?? null, log: logOf(replica.instance) }));
  mkdirSync(dirname(REPLICAS_FILE), { recursive: true });
  // Written aside and renamed, so that a reader never sees half a file.
  writeFileSync(`${REPLICAS_FILE}.tmp`, JSON.stringify(listed, null, 2));
  renameSync(`${REPLICAS_FILE}.tmp`, REPLICAS_FILE);
}

async function waitUntilReady(timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (const url of replicas.map(healthUrl)) {
    for (;;) {
      const ok = await fetch(url).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`not ready in time: ${url} (see ${relative(ROOT, LOGS)})`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
}

async function detach() {
  mkdirSync(LOGS, { recursive: true });
  await refuseWhenTaken();
  const out = openSync(join(LOGS, 'platform.log'), 'a');
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), 'run', ...options], { env, detached: true, stdio: ['ignore', out, out] });
  child.unref();
  // A launcher that gives up (a port taken after all, a replica that cannot start) exits; its
  // ports must not then be taken for its readiness.
  const exited = new Promise((_, reject) => child.once('exit', (code) => reject(new Error(`the platform stopped at start-up (exit ${code}); see ${logOf('platform')}`))));
  Promise.race([waitUntilReady(), exited]).then(
    () => {
      console.log(`platform ready (pid ${child.pid}); gateway ${gatewayUrl}`);
      process.exit(0);
    },
    (err) => fail(err.message),
  );
}

async function stop() {
  const pid = runningLauncher();
  if (pid) {
    process.kill(pid, 'SIGTERM');
    for (let waited = 0; isAlive(pid) && waited < 30_000; waited += 200) await new Promise((r) => setTimeout(r, 200));
    try {
      // The launcher leads its own process group when detached: nothing it started may outlive it.
      process.kill(-pid, 'SIGKILL');
    } catch {
      // the group is already empty, or the launcher ran in a terminal's group
    }
  }
  rmSync(PID_FILE, { force: true });
  rmSync(REPLICAS_FILE, { force: true });
}
