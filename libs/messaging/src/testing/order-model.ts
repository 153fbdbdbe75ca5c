import { Schema, type Connection, type Model } from 'mongoose';
import { withOutbox, type OutboxEntry } from '../lib/outbox';

export interface Order {
  _id: string;
  status: string;
  version: number;
  outbox?: OutboxEntry[];
}

/** A stand-in aggregate for the outbox tests: any state change with an event. */
export function orderModel(store: Connection): Model<Order> {
  if (store.models['Order']) return store.models['Order'] as Model<Order>;
  const schema = new Schema<Order>({ _id: String, status: String, version: Number });
  withOutbox(schema);
  return store.model<Order>('Order', schema, 'orders');
}
