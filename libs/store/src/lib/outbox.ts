import type { EventEnvelope } from '@pilot/contracts';
import { currentCorrelationId } from '@pilot/runtime';
import { Schema } from 'mongoose';
import { randomUUID } from 'node:crypto';

/** What a change announces: the event's type (its routing key) and its payload. */
export interface DomainEvent<TPayload = unknown> {
  type: string;
  payload: TPayload;
}

export interface OutboxEntry {
  id: string;
  type: string;
  payload: unknown;
  correlationId?: string;
  occurredAt: Date;
  /** The process that wrote the entry: its relay publishes it, others only if it is left behind. */
  origin?: string;
}

/** Where the relay hands events over; the broker's publisher, confirmed before it resolves. */
export interface EventSink {
  publish(envelope: EventEnvelope): Promise<void>;
}

/** This process, as the origin of the entries it writes. */
export const PROCESS_ORIGIN = randomUUID();

const outboxEntrySchema = new Schema<OutboxEntry>(
  {
    id: { type: String, required: true },
    type: { type: String, required: true },
    payload: { type: Schema.Types.Mixed, required: true },
    correlationId: { type: String },
    occurredAt: { type: Date, required: true },
    origin: { type: String },
  },
  { _id: false, minimize: false },
);

/**
 * Every document the store writes counts its writes (`writes`), for the turns its writers take;
 * an aggregate that announces its changes also carries an `outbox`, written in the same
 * single-document write as the change, so the two cannot part.
 */
export function prepareSchema(schema: Schema, withOutbox: boolean): void {
  if (!schema.path('writes')) schema.add({ writes: { type: Number } });
  if (withOutbox && !schema.path('outbox')) schema.add({ outbox: { type: [outboxEntrySchema], default: [] } });
}

export function outboxEntryOf(event: DomainEvent, origin: string, now = new Date()): OutboxEntry {
  return { id: randomUUID(), type: event.type, payload: event.payload, correlationId: currentCorrelationId(), occurredAt: now, origin };
}

export function envelopeOf(entry: OutboxEntry): EventEnvelope {
  return {
    id: entry.id,
    type: entry.type,
    occurredAt: new Date(entry.occurredAt).toISOString(),
    correlationId: entry.correlationId,
    payload: entry.payload,
  };
}
