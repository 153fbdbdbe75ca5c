/**
 * Run as a child process by the outbox test: it changes state with its event in one write and
 * is killed before any relay runs, as a process dying between the two would be.
 */
import { storeFor, storeKit } from '@pilot/store/testing';
import { orderSchema, type Order } from './order';

async function main(): Promise<void> {
  const [dbName, orderId, type] = process.argv.slice(2);
  const orders = storeKit(await storeFor(dbName)).repository<Order>('Order', orderSchema(), { events: true });
  await orders.create({ _id: orderId, status: 'submitted', version: 1 }, { events: [{ type, payload: { orderId, status: 'submitted' } }] });
  process.stdout.write('written\n');
  process.kill(process.pid, 'SIGKILL');
}

void main();
