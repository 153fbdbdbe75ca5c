import { runWithCorrelation } from './correlation';
import { JsonLogger } from './json-logger';

function capture(level = 'info') {
  const lines: string[] = [];
  return { logger: new JsonLogger('identity', level, (line) => lines.push(line)), entries: () => lines.map((l) => JSON.parse(l)) };
}

describe('JSON logs', () => {
  it('writes one JSON object per line with service, level, context and message', () => {
    const { logger, entries } = capture();
    logger.log('service started', 'Bootstrap');
    expect(entries()).toEqual([
      expect.objectContaining({ level: 'info', service: 'identity', context: 'Bootstrap', msg: 'service started', pid: process.pid }),
    ]);
    expect(entries()[0].instance).toEqual(expect.any(String));
  });

  it('adds the correlation id of the request or message being handled', async () => {
    const { logger, entries } = capture();
    await runWithCorrelation('corr-42-abcdef', async () => {
      await Promise.resolve();
      logger.warn({ msg: 'event failed; will retry', attempt: 2 }, 'EventConsumer');
    });
    logger.log('outside');
    expect(entries()[0]).toMatchObject({ correlationId: 'corr-42-abcdef', msg: 'event failed; will retry', attempt: 2 });
    expect(entries()[1].correlationId).toBeUndefined();
  });

  it('keeps the stack of an error and drops levels below the configured one', () => {
    const { logger, entries } = capture('warn');
    logger.log('not shown');
    logger.error({ msg: 'handler failed' }, 'Error: boom\n    at here', 'RpcServer');
    expect(entries()).toHaveLength(1);
    expect(entries()[0]).toMatchObject({ level: 'error', msg: 'handler failed', stack: 'Error: boom\n    at here', context: 'RpcServer' });
  });
});
