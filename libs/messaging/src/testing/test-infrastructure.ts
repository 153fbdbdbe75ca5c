import type { LoggerService } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { BrokerConnection } from '../lib/broker-connection';

export const AMQP_URL = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';

/** A name no other test run uses, so runs never see each other's queues or data. */
export const uniqueName = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

export const quietLogger: LoggerService = {
  log: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
};

export function brokerFor(name: string): BrokerConnection {
  return new BrokerConnection(AMQP_URL, quietLogger, name);
}

type Falsy = undefined | null | false;

/** Polls until the probe gives a truthy value, and returns it. */
export async function eventually<T>(
  probe: () => Promise<T | Falsy> | T | Falsy,
  timeoutMs = 15_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as T;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) throw lastError ?? new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export async function deleteQueues(broker: BrokerConnection, queues: string[], exchanges: string[] = []): Promise<void> {
  await broker.withChannel(async (channel) => {
    for (const queue of queues) await channel.deleteQueue(queue);
    for (const exchange of exchanges) await channel.deleteExchange(exchange);
  });
}

/** The error a promise rejects with; fails the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (err) {
    return err as Error & Record<string, unknown>;
  }
  throw new Error('expected a rejection, but the promise resolved');
}
