/**
 * Every event on the bus travels in this envelope. `id` is the idempotency key: a consumer
 * that has recorded it never applies the event twice.
 */
export interface EventEnvelope<TPayload = unknown> {
  id: string;
  type: string;
  occurredAt: string;
  correlationId?: string;
  payload: TPayload;
}

/** Routing keys are `<service>.<noun>.<past-tense-verb>`; each capability adds its own here. */
export type EventType = `${string}.${string}.${string}`;
