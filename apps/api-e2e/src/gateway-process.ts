import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { platformPort } from '@pilot/test-kit';

export const GATEWAY_URL = process.env['GATEWAY_URL'] ?? `http://127.0.0.1:${platformPort(3000)}`;
export const API = `${GATEWAY_URL}/api/v1`;

/** A second gateway process with its own settings, beside the running platform. */
export async function startGateway(basePort: number, env: Record<string, string>): Promise<ChildProcess> {
  const port = platformPort(basePort);
  const child = spawn(process.execPath, [join(__dirname, '../../../dist/apps/gateway/main.js')], {
    env: { ...process.env, ...slotBroker(), ...env, HTTP_PORT: String(port) },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await fetch(`http://127.0.0.1:${port}/api/v1/health/ready`).then((r) => r.ok, () => false);
    if (ready) return child;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('second gateway did not become ready');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The virtual host and database `launch.mjs` gives a platform started with PLATFORM_SLOT. */
function slotBroker(): Record<string, string> {
  const slot = Number(process.env['PLATFORM_SLOT'] ?? 0);
  if (slot === 0 || process.env['AMQP_URL']) return {};
  return { AMQP_URL: `amqp://guest:guest@127.0.0.1:5672/pilot-slot-${slot}`, MONGO_DB: `slot${slot}_gateway` };
}
