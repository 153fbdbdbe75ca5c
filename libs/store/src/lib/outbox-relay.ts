import type { LoggerService } from '@nestjs/common';
import type { Model } from 'mongoose';
import { PROCESS_ORIGIN, envelopeOf, type EventSink, type OutboxEntry } from './outbox';
import type { DocumentTurns } from './turns';

interface PendingDocument {
  _id: unknown;
  writes?: number;
  outbox: OutboxEntry[];
}

const PARALLEL_DOCUMENTS = 8;
/** How long the relay waits for a turn to remove published entries; a later round retries. */
const REMOVAL_BUDGET_MS = 500;
/** How often a relay looks through whole collections, rather than at the documents it was told of. */
const SWEEP_EVERY_MS = 5000;

export interface OutboxRelayOptions {
  pollIntervalMs: number;
  batchSize: number;
  /** How old another process's entry must be before this relay sends it (default 30 s). */
  strandedAfterMs?: number;
}

/**
 * Moves outbox entries to the broker. A write with events nudges its process's relay with the
 * document, and the relay sends that document's entries at once. Every few seconds the relay also
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
  private readonly nudged = new Map<Model<any>, Map<string, unknown>>();
  private turns?: DocumentTurns;

  constructor(
    private readonly sink: EventSink,
    private readonly models: () => Model<any>[],
    private readonly options: OutboxRelayOptions,
    private readonly logger: LoggerService,
    private readonly origin: string = PROCESS_ORIGIN,
  ) {}

  /** The relay removes published entries in the document's turn, like any other writer. */
  useTurns(turns: DocumentTurns): void {
    this.turns = turns;
  }

  start(): void {
    this.stopped = false;
    this.stopping = false;
    this.schedule(0);
  }

  /** Has the document's new entries sent at once. */
  nudge(model: Model<any>, documentId: unknown): void {
    if (this.stopped) return;
    this.nudged.set(model, (this.nudged.get(model) ?? new Map()).set(String(documentId), documentId));
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
    for (const model of this.models()) {
      const documents = new Map((await this.nudgedDocuments(model)).map((document) => [String(document._id), document]));
      if (sweep) {
        for (const document of await model.find(this.sweepQuery(), { outbox: 1, writes: 1 }).limit(this.options.batchSize).lean<PendingDocument[]>()) {
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
    const ids = [...(this.nudged.get(model)?.values() ?? [])];
    this.nudged.delete(model);
    const documents = await Promise.all(ids.map((id) => model.findById(id, { outbox: 1, writes: 1 }).lean<PendingDocument>()));
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
    for (const entry of document.outbox) await this.sink.publish(envelopeOf(entry));
    await this.removePublished(model, document, new Set(document.outbox.map((entry) => entry.id)));
    return document.outbox.length;
  }

  /**
   * Entries are only ever appended, so the published ones are at the head. When the document's
   * turn stays busy the entries stay, and a later round publishes them again (consumers drop copies).
   */
  private async removePublished(model: Model<any>, document: PendingDocument, published: Set<string>): Promise<void> {
    if (!this.turns) throw new Error('the outbox relay has no turns to write with');
    await this.turns
      .write<PendingDocument>(
        model,
        document._id,
        (current) => {
          const outbox = current.outbox ?? [];
          let head = 0;
          while (head < outbox.length && published.has(outbox[head].id)) head += 1;
          return head === 0 ? undefined : { set: { outbox: outbox.slice(head) } };
        },
        { known: document, waitBudgetMs: REMOVAL_BUDGET_MS },
      )
      .catch((err: Error) => this.logger.warn({ msg: 'published events stay in the outbox for now', error: err.message }));
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
