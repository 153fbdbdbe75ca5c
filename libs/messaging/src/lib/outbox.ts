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
  /** The process that wrote the entry: its relay publishes it, others only if it is left behind. */
  origin?: string;
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
 * Gives a schema an `outbox` array. A state change and the events it announces are written
 * in the same single-document update (`$push: { outbox: ... }` beside the `$set`), so they
 * cannot part; the relay publishes them afterwards and removes each one once confirmed.
 */
export function withOutbox(schema: Schema): void {
  // `writes` counts every write of the document, for the turns its writers take (DocumentTurns).
  schema.add({ outbox: { type: [outboxEntrySchema], default: [] }, writes: { type: Number } });
}

export function outboxEvent(type: string, payload: unknown): OutboxEntry {
  return { id: randomUUID(), type, payload, correlationId: currentCorrelationId(), occurredAt: new Date(), origin: PROCESS_ORIGIN };
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

interface PendingDocument {
  _id: unknown;
  outbox: OutboxEntry[];
}

const PARALLEL_DOCUMENTS = 8;
const REMOVAL_ATTEMPTS = 3;
/** How often a relay looks through whole collections, rather than at the documents it was told of. */
const SWEEP_EVERY_MS = 5000;

export interface OutboxRelayOptions {
  pollIntervalMs: number;
  batchSize: number;
  /** How old another process's entry must be before this relay sends it (default 30 s). */
  strandedAfterMs?: number;
}

/**
 * Moves outbox entries to the broker. A writer nudges its process's relay with the document it
 * wrote, and the relay sends that document's entries at once. Every few seconds the relay also
 * sweeps whole collections (a scan: the development store cannot index the query) for entries
 * its process wrote but was not told of, and for another process's entries that waited longer
 * than `strandedAfterMs` (their writer was killed, or is stuck); so replicas do not all send
 * every event, and entries left behind by a crash are sent after a restart or by another
 * replica. An entry can still be published twice (a crash between confirm and removal, a slow
 * writer); consumers drop the copy by its id.
 */
export class OutboxRelay {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = true;
  private stopping = false;
  private lastSweepAt = 0;
  private readonly nudged = new Map<string, Map<string, unknown>>();

  constructor(
    private readonly publisher: EventPublisher,
    private readonly models: Model<any>[],
    private readonly options: OutboxRelayOptions,
    private readonly logger: LoggerService,
    private readonly origin = PROCESS_ORIGIN,
  ) {}

  start(): void {
    this.stopped = false;
    this.stopping = false;
    this.schedule(0);
  }

  /** Has the document's new entries sent at once; without a document, has everything swept. */
  nudge(modelName?: string, documentId?: unknown): void {
    if (this.stopped) return;
    if (modelName === undefined || documentId === undefined) this.lastSweepAt = 0;
    else this.nudged.set(modelName, (this.nudged.get(modelName) ?? new Map()).set(String(documentId), documentId));
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Publishes everything pending now; returns how many entries went out. */
  async drain(): Promise<number> {
    return this.relay(true);
  }

  private async relay(sweep: boolean): Promise<number> {
    let sent = 0;
    if (sweep) this.lastSweepAt = Date.now();
    for (const model of this.models) {
      const documents = new Map((await this.nudgedDocuments(model)).map((document) => [String(document._id), document]));
      if (sweep) {
        for (const document of await model.find(this.sweepQuery(), { outbox: 1 }).limit(this.options.batchSize).lean<PendingDocument[]>()) {
          documents.set(String(document._id), document);
        }
      }
      const queue = [...documents.values()];
      let next = 0;
      // Order matters within a document only, so documents go out side by side. A stopping relay
      // finishes the documents in hand and leaves the rest to the other replicas' relays.
      const relayNext = async () => {
        for (let index = next++; index < queue.length && !this.stopping; index = next++) {
          sent += await this.relayDocument(model, queue[index]);
        }
      };
      await Promise.all(Array.from({ length: Math.min(PARALLEL_DOCUMENTS, queue.length) }, relayNext));
    }
    return sent;
  }

  private async nudgedDocuments(model: Model<any>): Promise<PendingDocument[]> {
    const ids = [...(this.nudged.get(model.modelName)?.values() ?? [])];
    this.nudged.delete(model.modelName);
    const documents = await Promise.all(ids.map((id) => model.findById(id, { outbox: 1 }).lean<PendingDocument>()));
    return documents.filter((document): document is PendingDocument => Boolean(document?.outbox?.length));
  }

  private sweepQuery(): Record<string, unknown> {
    return {
      'outbox.0': { $exists: true },
      $or: [
        { 'outbox.0.origin': this.origin },
        { 'outbox.0.occurredAt': { $lt: new Date(Date.now() - (this.options.strandedAfterMs ?? 30_000)) } },
      ],
    };
  }

  private async relayDocument(model: Model<any>, document: PendingDocument): Promise<number> {
    for (const entry of document.outbox) await this.publisher.publish(envelopeOf(entry));
    await this.removePublished(model, document._id, new Set(document.outbox.map((entry) => entry.id)));
    return document.outbox.length;
  }

  /**
   * Entries are only ever appended, so the published ones are at the head. The removal takes the
   * document's turn like any writer, so it neither loses nor erases a concurrent change; when the
   * turn stays busy the entries stay, and a later round publishes them again (consumers drop copies).
   */
  private async removePublished(model: Model<any>, documentId: unknown, published: Set<string>): Promise<void> {
    const turns = new DocumentTurns(model.db);
    for (let attempt = 0; attempt < REMOVAL_ATTEMPTS; attempt++) {
      const document = await model.findById(documentId, { writes: 1, outbox: 1 }).lean<{ writes?: number; outbox?: OutboxEntry[] }>();
      const outbox = document?.outbox ?? [];
      let head = 0;
      while (head < outbox.length && published.has(outbox[head].id)) head += 1;
      if (head === 0) return;
      if (await turns.take(model, documentId, document?.writes)) {
        await model.updateOne({ _id: documentId, ...atWrites(document?.writes) }, { $set: { outbox: outbox.slice(head) }, $inc: { writes: 1 } });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    if (this.stopped || this.running) return;
    this.again = false;
    this.running = this.relay(Date.now() - this.lastSweepAt >= SWEEP_EVERY_MS)
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
