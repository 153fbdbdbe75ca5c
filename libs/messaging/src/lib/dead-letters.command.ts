import { JsonLogger, loadConfig, runService, ServiceConfig } from '@pilot/runtime';
import { BrokerConnection } from './broker-connection';
import { DeadLetters } from './dead-letters';

const USAGE = 'usage: node main.js dead-letters list [limit] | dead-letters replay';

/**
 * The operators' way to the service's dead-letter queue, from the service's own image and
 * settings: `node main.js dead-letters list [limit]` prints each dead letter as a JSON line and
 * leaves it in place; `node main.js dead-letters replay` moves them all back to the service's
 * queue (fix the cause first). Prints one JSON line per result; returns the exit status.
 */
export async function deadLettersCommand(
  service: string,
  args: string[],
  amqpUrl: string,
  print: (line: string) => void = (line) => process.stdout.write(line + '\n'),
): Promise<number> {
  const [action, limitText] = args;
  const limit = limitText === undefined ? 50 : Number(limitText);
  if (!(action === 'list' || action === 'replay') || !Number.isInteger(limit) || limit < 1 || limit > 10_000) {
    print(JSON.stringify({ error: USAGE }));
    return 2;
  }
  const broker = new BrokerConnection(amqpUrl, new JsonLogger(service, 'warn'), `${service}-dead-letters`);
  try {
    const deadLetters = new DeadLetters(broker, service);
    if (action === 'list') {
      for (const letter of await deadLetters.peek(limit)) print(JSON.stringify(letter));
    } else {
      print(JSON.stringify({ replayed: await deadLetters.replay() }));
    }
    return 0;
  } finally {
    await broker.close();
  }
}

/** Starts the service, or runs its operators' command when the process was given one. */
export function runServiceOrCommand(service: string, start: () => Promise<unknown>, argv = process.argv.slice(2)): void {
  if (argv[0] !== 'dead-letters') {
    runService(service, start);
    return;
  }
  runService(service, async () => {
    const { AMQP_URL } = loadConfig(ServiceConfig);
    process.exitCode = await deadLettersCommand(service, argv.slice(1), AMQP_URL);
  });
}
