import { Controller, Inject, type INestApplication } from '@nestjs/common';
import type { EventEnvelope } from '@pilot/contracts';
import { randomUUID } from 'node:crypto';
import { busApp, busServerFor } from '../testing/bus';
import { brokerFor, deleteQueues, eventually, uniqueName } from '../testing/test-infrastructure';
import type { BrokerConnection } from './broker-connection';
import { DeadLetters } from './dead-letters';
import { EventPublisher } from './event-publisher';
import { eventHandler } from './handler-decorators';
import { ProcessLedger } from './process-ledger';
import { deadLetterExchangeOf, eventQueuesOf, rpcQueueOf } from './topology';

const type = 'testing.copy.changed';
const HANDLER = Symbol('HANDLER');
type Handler = (event: EventEnvelope) => Promise<void>;

@Controller()
class CopyHandlers {
  constructor(@Inject(HANDLER) private readonly handler: Handler) {}

  @eventHandler(type)
  changed(event: EventEnvelope) {
    return this.handler(event);
  }
}

const envelope = (payload: unknown, id: string = randomUUID()): EventEnvelope => ({ id, type, occurredAt: new Date().toISOString(), payload });

/** Processes that each keep a copy (the gateway's session versions) follow events on queues of their own. */
describe('events on a queue of each process’s own, over the real broker', () => {
  const exchange = uniqueName('own-queues-test');
  const service = uniqueName('copies');
  let broker: BrokerConnection;
  let publisher: EventPublisher;
  const apps: INestApplication[] = [];
  const processes: string[] = [];

  async function startProcess(handler: Handler, idleMs = 60_000): Promise<{ app: INestApplication; process: string }> {
    const process = uniqueName('process');
    processes.push(process);
    const server = busServerFor(broker, { service, exchange, maxAttempts: 2, ownQueue: { process, idleMs } }, new ProcessLedger());
    const app = await busApp(server, [CopyHandlers], [{ provide: HANDLER, useValue: handler }]);
    apps.push(app);
    return { app, process };
  }

  beforeAll(() => {
    broker = brokerFor('own-queues-test');
    publisher = new EventPublisher(broker, exchange);
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await publisher.close();
    await deleteQueues(
      broker,
      [rpcQueueOf(service), eventQueuesOf(service).deadLetter, ...processes.flatMap((process) => [eventQueuesOf(service, process).main, eventQueuesOf(service, process).retry])],
      [exchange, deadLetterExchangeOf(exchange)],
    );
    await broker.close();
  });

  it('gives every process of the service every event, and each applies a redelivered one once', async () => {
    const seen: string[][] = [[], []];
    await startProcess(async (event) => void seen[0].push(event.id));
    await startProcess(async (event) => void seen[1].push(event.id));
    const event = envelope({ n: 1 });
    await publisher.publish(event);
    await publisher.publish(event);
    const marker = envelope({ marker: true });
    await publisher.publish(marker);
    await eventually(() => seen.every((ids) => ids.includes(marker.id)));
    expect(seen).toEqual([
      [event.id, marker.id],
      [event.id, marker.id],
    ]);
  });

  it('takes no request queue when it answers no requests', async () => {
    await startProcess(async () => undefined);
    await broker.withChannel(async (channel) => {
      await expect(channel.checkQueue(rpcQueueOf(service))).rejects.toThrow(/NOT_FOUND/);
    });
  });

  it('moves a message it cannot apply to the service’s dead-letter queue after its retries', async () => {
    await startProcess(async () => {
      throw new Error('cannot apply');
    });
    const poison = envelope({ poison: true });
    await publisher.publish(poison);
    const letters = await eventually(async () => {
      const found = (await new DeadLetters(broker, service).peek()).filter((letter) => letter.messageId === poison.id);
      return found.length > 0 ? found : undefined;
    });
    expect(letters[0]).toMatchObject({ messageId: poison.id, lastError: 'cannot apply' });
  });

  it('leaves the broker no queue of a process once it is gone', async () => {
    const { app, process } = await startProcess(async () => undefined, 1000);
    await app.close();
    // Looking at a queue counts as using it: look less often than it takes to expire.
    await eventually(
      () =>
        broker.withChannel(async (channel) => {
          const found = await channel.checkQueue(eventQueuesOf(service, process).main).then(
            () => true,
            () => false,
          );
          return !found;
        }),
      15_000,
      2500,
    );
  });
});
