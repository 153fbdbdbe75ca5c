/**
 * What the scale test needs of the replicas that tools/platform/launch.mjs runs (started with
 * `--scale`): their process ids, signals, the launcher's restarts, and their JSON logs.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');
const REPLICAS_FILE = join(ROOT, '.local/run/replicas.json');

export interface Replica {
  service: string;
  instance: string;
  port: number;
  pid: number | null;
  log: string;
}

export interface LogEntry {
  instance: string;
  pid: number;
  msg: string;
  [field: string]: unknown;
}

export function replicas(): Replica[] {
  if (!existsSync(REPLICAS_FILE)) throw new Error('no .local/run/replicas.json: start the platform with launch.mjs detach --scale ...');
  return JSON.parse(readFileSync(REPLICAS_FILE, 'utf8')) as Replica[];
}

export function replicasOf(service: string): Replica[] {
  return replicas().filter((replica) => replica.service === service);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether a process of that id still runs. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Signals a replica, waits for its process to end, then for the launcher to have started it again
 * and for the new process to answer ready. Returns the old and the new process id.
 */
export async function signalAndAwaitRestart(instance: string, signal: 'SIGTERM' | 'SIGKILL', timeoutMs = 60_000): Promise<{ oldPid: number; newPid: number }> {
  const replica = replicas().find((r) => r.instance === instance);
  if (!replica?.pid) throw new Error(`no running replica ${instance}`);
  const oldPid = replica.pid;
  process.kill(oldPid, signal);
  const deadline = Date.now() + timeoutMs;
  while (alive(oldPid)) {
    if (Date.now() > deadline) throw new Error(`${instance} (pid ${oldPid}) did not stop after ${signal}`);
    await pause(100);
  }
  for (;;) {
    const now = replicas().find((r) => r.instance === instance);
    if (now?.pid && now.pid !== oldPid && (await ready(now))) return { oldPid, newPid: now.pid };
    if (Date.now() > deadline) throw new Error(`${instance} was not started again in time`);
    await pause(250);
  }
}

async function ready(replica: Replica): Promise<boolean> {
  return fetch(`http://127.0.0.1:${replica.port}/health/ready`).then((r) => r.ok, () => false);
}

/** Where each replica's log ends now, so that a test reads only what came after. */
export function logMarks(service: string): Map<string, number> {
  return new Map(replicasOf(service).map((replica) => [replica.log, existsSync(join(ROOT, replica.log)) ? statSync(join(ROOT, replica.log)).size : 0]));
}

/** The JSON lines the service's replicas wrote since the marks. */
export function logEntriesSince(marks: Map<string, number>): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const [log, offset] of marks) {
    const text = readFileSync(join(ROOT, log)).subarray(offset).toString('utf8');
    for (const line of text.split('\n')) {
      if (!line.startsWith('{')) continue;
      try {
        entries.push(JSON.parse(line) as LogEntry);
      } catch {
        // a line cut short by SIGKILL
      }
    }
  }
  return entries;
}

/** The launcher's own log, where it notes each replica's exit and restart. */
export function launcherLogSince(offset: number): string {
  return readFileSync(join(ROOT, '.local/logs/platform.log')).subarray(offset).toString('utf8');
}

export function launcherLogSize(): number {
  return statSync(join(ROOT, '.local/logs/platform.log')).size;
}

export function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}
