import type { LoggerService } from '@nestjs/common';
import type { EventEnvelope } from '@pilot/contracts';
import { currentCorrelationId } from '@pilot/runtime';
import { Schema, type Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { DocumentTurns, atWrites } from './document-turns';
import type { EventPublisher } from './event-publisher';

export interface OutboxEntry {
  id: string;
  type: string;
  payload: unknown;
  correlationId?: string;
  occurredAt: Date;
}

const outboxEntrySchema = new Schema<OutboxEntry>(
  {
    id: { type: String, required: true },
    type: { type: String, required: true },
    payload: { type: Schema.Types.Mixed, required: true },
    correlationId: { type: String },
    occurredAt: { type: Date, required: true },
  },
  { _id: false, minimize: false },
);

/**
 * Gives a schema an `outbox` array. A state change and the events it announces are written
 * in the same single-document update (`$push: { outbox: ... }` beside the `$set`), so they
 * cannot part; the relay publishes them afterwards and removes each one once confirmed.
 */
export function withOutbox(schema: Schema): void {
  // `writes` counts every write of the document, for the turns its writers take (DocumentTurns).
  schema.add({ outbox: { type: [outboxEntrySchema], default: [] }, writes: { type: Number } });
}

export function outboxEvent(type: string, payload: unknown): OutboxEntry {
  return { id: randomUUID(), type, payload, correlationId: currentCorrelationId(), occurredAt: new Date() };
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

const PENDING = { 'outbox.0': { $exists: true } };

export interface OutboxRelayOptions {
  pollIntervalMs: number;
  batchSize: number;
}

/**
 * Moves outbox entries to the broker. It runs on a timer, so entries left behind by a crash
 * are sent after restart; `nudge()` lets a writer have its events sent at once. An entry can
 * be published twice (crash between confirm and removal); consumers drop the copy by its id.
 */
export class OutboxRelay {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = true;

  constructor(
    private readonly publisher: EventPublisher,
    private readonly models: Model<any>[],
    private readonly options: OutboxRelayOptions,
    private readonly logger: LoggerService,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  nudge(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Publishes everything pending now; returns how many entries went out. */
  async drain(): Promise<number> {
    let sent = 0;
    for (const model of this.models) {
      const documents = await model.find(PENDING, { outbox: 1 }).limit(this.options.batchSize).lean<{ _id: unknown; outbox: OutboxEntry[] }[]>();
      for (const document of documents) {
        for (const entry of document.outbox) {
          await this.publisher.publish(envelopeOf(entry));
          await this.removeHead(model, document._id, entry.id);
          sent += 1;
        }
      }
    }
    return sent;
  }

  /**
   * Entries are only ever appended, so the one just published is the head. The pop takes the
   * document's turn like any writer, so it neither loses nor erases a concurrent change; when the
   * turn is busy the entry stays, and the next round publishes it again (consumers drop copies).
   */
  private async removeHead(model: Model<any>, documentId: unknown, entryId: string): Promise<void> {
    const document = await model.findById(documentId, { writes: 1, outbox: 1 }).lean<{ writes?: number; outbox?: OutboxEntry[] }>();
    if (document?.outbox?.[0]?.id !== entryId) return;
    if (!(await new DocumentTurns(model.db).take(model, documentId, document.writes))) return;
    await model.updateOne({ _id: documentId, ...atWrites(document.writes), 'outbox.0.id': entryId }, { $pop: { outbox: -1 }, $inc: { writes: 1 } });
  }


  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    if (this.stopped || this.running) return;
    this.again = false;
    this.running = this.drain()
      .then((sent) => {
        if (sent > 0) this.logger.log({ msg: 'outbox relayed', sent });
        if (sent >= this.options.batchSize) this.again = true;
      })
      .catch((err: Error) => this.logger.warn({ msg: 'outbox relay failed; will retry', error: err.message }))
      .finally(() => {
        this.running = undefined;
        if (!this.stopped) this.schedule(this.again ? 0 : this.options.pollIntervalMs);
      });
    await this.running;
  }
}
