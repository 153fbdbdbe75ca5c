import { AMQP_URL, brokerFor, deleteQueues, uniqueName } from '../testing/test-infrastructure';
import { deadLettersCommand } from './dead-letters.command';
import { eventQueuesOf } from './topology';

describe('the dead-letters command against the real broker', () => {
  const service = uniqueName('dlqcmd');
  const queues = eventQueuesOf(service);
  const broker = brokerFor(`${service}-test`);

  beforeAll(async () => {
    await broker.withChannel(async (channel) => {
      await channel.assertQueue(queues.main, { durable: true });
      await channel.assertQueue(queues.deadLetter, { durable: true });
      channel.sendToQueue(queues.deadLetter, Buffer.from('{"id":"e-1","type":"planning.plan.published"}'), {
        messageId: 'e-1',
        type: 'planning.plan.published',
        persistent: true,
        headers: { 'x-last-error': 'plan store unavailable', 'x-attempt': 5 },
      });
      await channel.waitForConfirms();
    });
  });

  afterAll(async () => {
    await deleteQueues(broker, [queues.main, queues.deadLetter]);
    await broker.close();
  });

  const run = async (...args: string[]) => {
    const lines: string[] = [];
    const status = await deadLettersCommand(service, args, AMQP_URL, (line) => lines.push(line));
    return { status, output: lines.map((line) => JSON.parse(line)) };
  };
  const depth = (queue: string) => broker.withChannel(async (channel) => (await channel.checkQueue(queue)).messageCount);

  it('lists dead letters with their last error and leaves them in place', async () => {
    expect(await run('list')).toEqual({
      status: 0,
      output: [expect.objectContaining({ messageId: 'e-1', type: 'planning.plan.published', lastError: 'plan store unavailable' })],
    });
    expect(await depth(queues.deadLetter)).toBe(1);
  });

  it('replays them to the service queue', async () => {
    expect(await run('replay')).toEqual({ status: 0, output: [{ replayed: 1 }] });
    expect(await depth(queues.deadLetter)).toBe(0);
    expect(await depth(queues.main)).toBe(1);
  });

  it('answers a wrong use with the usage and status 2', async () => {
    for (const args of [[], ['purge'], ['list', 'all']]) {
      const { status, output } = await run(...args);
      expect(status).toBe(2);
      expect(output[0].error).toContain('dead-letters list');
    }
  });
});
