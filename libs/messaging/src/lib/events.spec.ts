import { Controller, Inject, type INestApplication } from '@nestjs/common';
import type { EventEnvelope } from '@pilot/contracts';
import type { Connection } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { storeFor, storeKit } from '@pilot/store/testing';
import { busApp, busServerFor } from '../testing/bus';
import { brokerFor, deleteQueues, eventually, uniqueName } from '../testing/test-infrastructure';
import type { BrokerConnection } from './broker-connection';
import { DeadLetters } from './dead-letters';
import { EventPublisher } from './event-publisher';
import { eventHandler } from './handler-decorators';
import { deadLetterExchangeOf, eventQueuesOf, rpcQueueOf } from './topology';

const envelope = (type: string, payload: unknown, id: string = randomUUID()): EventEnvelope => ({
  id,
  type,
  occurredAt: new Date().toISOString(),
  correlationId: 'corr-events-test',
  payload,
});

const type = 'testing.thing.happened';
const HANDLER = Symbol('HANDLER');
type Handler = (event: EventEnvelope) => Promise<void>;

/** Each test's service gives this controller its own handler. */
@Controller()
class ThingHandlers {
  constructor(@Inject(HANDLER) private readonly handler: Handler) {}

  @eventHandler(type)
  happened(event: EventEnvelope) {
    return this.handler(event);
  }
}

describe('events over the real broker with idempotent consumers, through the Nest transport', () => {
  const exchange = uniqueName('events-test');
  let broker: BrokerConnection;
  let store: Connection;
  let publisher: EventPublisher;
  const consumers: INestApplication[] = [];
  const services: string[] = [];

  async function startConsumer(handler: Handler, maxAttempts = 3): Promise<{ service: string; consumer: INestApplication }> {
    const service = uniqueName('svc');
    services.push(service);
    const server = busServerFor(broker, { service, exchange, prefetch: 5, maxAttempts }, storeKit(store).processed);
    const consumer = await busApp(server, [ThingHandlers], [{ provide: HANDLER, useValue: handler }]);
    consumers.push(consumer);
    return { service, consumer };
  }

  beforeAll(async () => {
    broker = brokerFor('events-test');
    store = await storeFor(uniqueName('events_test').replace(/-/g, '_'));
    publisher = new EventPublisher(broker, exchange);
  });

  afterAll(async () => {
    await Promise.all(consumers.map((consumer) => consumer.close()));
    await publisher.close();
    await deleteQueues(
      broker,
      services.flatMap((service) => [rpcQueueOf(service), ...Object.values(eventQueuesOf(service))]),
      [exchange, deadLetterExchangeOf(exchange)],
    );
    await broker.close();
    await store.dropDatabase();
    await store.close();
  });

  it('delivers every event to each interested service through its own durable queue', async () => {
    const seenByA: string[] = [];
    const seenByB: string[] = [];
    const a = await startConsumer(async (event) => void seenByA.push(event.id));
    await startConsumer(async (event) => void seenByB.push(event.id));
    const event = envelope(type, { n: 1 });
    await publisher.publish(event);
    await eventually(() => seenByA.includes(event.id) && seenByB.includes(event.id));
    await broker.withChannel(async (channel) => {
      const queue = await channel.checkQueue(eventQueuesOf(a.service).main);
      expect(queue.queue).toBe(eventQueuesOf(a.service).main);
    });
  });

  it('publishes persistent messages, confirmed by the broker', async () => {
    const { service } = await startConsumer(async () => {
      throw new Error('keep it for inspection');
    }, 1);
    const event = envelope(type, { n: 2 });
    await publisher.publish(event);
    const letters = await eventually(async () => {
      const found = await new DeadLetters(broker, service).peek();
      return found.length > 0 ? found : undefined;
    });
    await broker.withChannel(async (channel) => {
      const message = await channel.get(eventQueuesOf(service).deadLetter, { noAck: true });
      expect(message && message.properties.deliveryMode).toBe(2);
    });
    expect(letters[0].messageId).toBe(event.id);
  });

  it('applies a redelivered event only once', async () => {
    let applied = 0;
    await startConsumer(async () => void (applied += 1));
    const event = envelope(type, { n: 3 });
    await publisher.publish(event);
    await publisher.publish(event);
    await publisher.publish(event);
    const marker = envelope(type, { marker: true });
    await publisher.publish(marker);
    await eventually(() => applied >= 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(applied).toBe(2);
  });

  it('retries a failing event and succeeds when the cause goes away', async () => {
    let calls = 0;
    await startConsumer(async () => {
      calls += 1;
      if (calls < 3) throw new Error('store briefly unavailable');
    }, 5);
    await publisher.publish(envelope(type, { n: 4 }));
    await eventually(() => calls === 3);
  });

  it('moves a poison message to the dead-letter queue after bounded retries, and the queue keeps flowing', async () => {
    const handled: unknown[] = [];
    let poisonCalls = 0;
    const { service } = await startConsumer(async (event) => {
      if ((event.payload as { poison?: boolean }).poison) {
        poisonCalls += 1;
        throw new Error('cannot apply this payload');
      }
      handled.push(event.payload);
    }, 3);
    const poison = envelope(type, { poison: true });
    await publisher.publish(poison);
    await publisher.publish(envelope(type, { n: 5 }));
    await eventually(() => handled.length === 1);
    const letters = await eventually(async () => {
      const found = await new DeadLetters(broker, service).peek();
      return found.length === 1 ? found : undefined;
    });
    expect(poisonCalls).toBe(3);
    expect(letters[0]).toMatchObject({ messageId: poison.id, type, lastError: 'cannot apply this payload' });
    await publisher.publish(envelope(type, { n: 6 }));
    await eventually(() => handled.length === 2);
  });

  it('replays dead letters once their cause is fixed', async () => {
    let broken = true;
    const applied: string[] = [];
    const { service } = await startConsumer(async (event) => {
      if (broken) throw new Error('bug in handler');
      applied.push(event.id);
    }, 1);
    const event = envelope(type, { n: 7 });
    await publisher.publish(event);
    const deadLetters = new DeadLetters(broker, service);
    await eventually(async () => (await deadLetters.peek()).length === 1);
    broken = false;
    expect(await deadLetters.replay()).toBe(1);
    await eventually(() => applied.includes(event.id));
    expect(await deadLetters.peek()).toEqual([]);
  });

  it('sends an unreadable message straight to the dead-letter queue', async () => {
    const { service } = await startConsumer(async () => undefined);
    await broker.withChannel(async (channel) => {
      channel.sendToQueue(eventQueuesOf(service).main, Buffer.from('not json'), { persistent: true });
      await channel.waitForConfirms();
    });
    const letters = await eventually(async () => {
      const found = await new DeadLetters(broker, service).peek();
      return found.length === 1 ? found : undefined;
    });
    expect(letters[0].lastError).toMatch(/unreadable message/);
  });

  it('on stop, finishes the event in hand and acknowledges it before closing', async () => {
    let finished = 0;
    let started = 0;
    const { service, consumer } = await startConsumer(async () => {
      started += 1;
      await new Promise((resolve) => setTimeout(resolve, 800));
      finished += 1;
    });
    await publisher.publish(envelope(type, { n: 8 }));
    await eventually(() => started === 1);
    await consumer.close();
    expect(finished).toBe(1);
    await broker.withChannel(async (channel) => {
      const queue = await channel.checkQueue(eventQueuesOf(service).main);
      expect(queue.messageCount).toBe(0);
    });
  });
});
