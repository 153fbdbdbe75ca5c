import { Schema } from 'mongoose';

export interface Order {
  _id: string;
  status: string;
  version: number;
}

/** A stand-in aggregate for the outbox tests: any state change with an event. */
export const orderSchema = () => new Schema<Order>({ _id: String, status: String, version: Number });
