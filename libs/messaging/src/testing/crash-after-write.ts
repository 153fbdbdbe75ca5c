/**
 * Run as a child process by the outbox test: it changes state with its event in one write and
 * is killed before any relay runs, as a process dying between the two would be.
 */
import { outboxEvent } from '../lib/outbox';
import { orderModel } from './order-model';
import { storeFor } from './test-infrastructure';

async function main(): Promise<void> {
  const [dbName, orderId, type] = process.argv.slice(2);
  const store = await storeFor(dbName);
  await orderModel(store).create({
    _id: orderId,
    status: 'submitted',
    version: 1,
    outbox: [outboxEvent(type, { orderId, status: 'submitted' })],
  });
  process.stdout.write('written\n');
  process.kill(process.pid, 'SIGKILL');
}

void main();
