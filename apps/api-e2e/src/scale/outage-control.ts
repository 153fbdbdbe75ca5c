/**
 * What the outage test does to the infrastructure under the platform: it stops and starts
 * RabbitMQ's application and restarts the store's process, as an operator's mistake or a crash
 * would. Only the local infrastructure of tools/infra can be restarted this way.
 */
import { execFileSync } from 'node:child_process';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { connect } from 'amqplib';

const ROOT = join(__dirname, '../../../..');
export const AMQP_URL = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
const MONGO_URL = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';
// tools/infra's names: a broker node of its own (`rabbitmqctl -n`) and the store's port.
const BROKER_NODE = process.env['RABBITMQ_NODENAME'];
const SERVICES = ['identity', 'planning', 'applications', 'notifications'];

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const portOf = (url: string) => Number(new URL(url.split(',')[0]).port);

export function assertLocalInfrastructure(): void {
  const remote = [AMQP_URL, MONGO_URL].filter((url) => new URL(url.split(',')[0]).hostname !== '127.0.0.1');
  if (remote.length) throw new Error(`the outage test restarts the local RabbitMQ and store of tools/infra, not ${remote.join(' and ')}`);
}

function rabbitmqctl(command: string): void {
  execFileSync('rabbitmqctl', [...(BROKER_NODE ? ['-n', BROKER_NODE] : []), command], { stdio: 'ignore' });
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(200);
  }
}

/** `rabbitmqctl stop_app`, a pause with the broker away, then `start_app`. */
export async function interruptBroker(awayMs: number): Promise<void> {
  rabbitmqctl('stop_app');
  await pause(awayMs);
  rabbitmqctl('start_app');
  await until(() => answers(portOf(AMQP_URL)), 'RabbitMQ to listen again');
}

/** Stops the store's process and starts it again with the same data. */
export async function restartStore(awayMs: number): Promise<void> {
  const infra = { env: { ...process.env, MONGO_URL: '', FERRETDB_PORT: String(portOf(MONGO_URL)) }, stdio: 'ignore' as const };
  execFileSync('bash', [join(ROOT, 'tools/infra/stop-ferretdb.sh')], infra);
  await pause(awayMs);
  execFileSync('bash', [join(ROOT, 'tools/infra/ensure-ferretdb.sh')], infra);
  await until(() => answers(portOf(MONGO_URL)), 'the store to listen again');
}

/** Messages held by every queue of the platform's services, by queue name. */
export async function queueDepths(): Promise<Record<string, number>> {
  const connection = await connect(AMQP_URL);
  try {
    const depths: Record<string, number> = {};
    for (const service of SERVICES) {
      for (const queue of [`${service}.rpc`, `${service}.events`, `${service}.events.retry`, `${service}.events.dlq`]) {
        // A channel closes on a missing queue, so each check has its own.
        const channel = await connection.createChannel();
        depths[queue] = await channel.checkQueue(queue).then(
          (ok) => ok.messageCount,
          () => -1,
        );
        await channel.close().catch(() => undefined);
      }
    }
    return Object.fromEntries(Object.entries(depths).filter(([, depth]) => depth >= 0));
  } finally {
    await connection.close();
  }
}
