import type { LoggerService } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { Claims } from './claims';
import type { ProcessedMessages } from './processed-messages';

/** Documents whose `field` (a date) is older than `afterMs` are of no more use to anyone. */
export interface Expiry {
  field: string;
  afterMs: number;
}

export interface HousekeepingOptions {
  everyMs: number;
  /** How long an applied message's id is kept to recognise a late copy of it. */
  processedKeptMs: number;
}

export const DEFAULT_HOUSEKEEPING: HousekeepingOptions = {
  everyMs: 10 * 60_000,
  processedKeptMs: 7 * 24 * 60 * 60_000,
};

/**
 * What TTL indexes would do, which the development store lacks: the store's own claims and
 * processed-message ids, and each collection's expired documents, are deleted here. Every
 * replica may run it: each deletion is idempotent.
 */
export class StoreHousekeeping {
  private timer?: NodeJS.Timeout;
  private readonly expiries: { model: Model<any>; expiry: Expiry }[] = [];

  constructor(
    private readonly claims: Claims,
    private readonly processed: ProcessedMessages,
    private readonly logger: LoggerService,
    private readonly options: HousekeepingOptions = DEFAULT_HOUSEKEEPING,
  ) {}

  expire(model: Model<any>, expiry: Expiry): void {
    this.expiries.push({ model, expiry });
  }

  start(): void {
    this.timer = setInterval(() => void this.run(), this.options.everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async run(now = new Date()): Promise<Record<string, number>> {
    const removed: Record<string, number> = {};
    try {
      removed['claims'] = await this.claims.forgetExpired(now);
      removed['processed'] = await this.processed.forgetDoneBefore(new Date(now.getTime() - this.options.processedKeptMs));
      for (const { model, expiry } of this.expiries) {
        const { deletedCount } = await model.deleteMany({ [expiry.field]: { $lt: new Date(now.getTime() - expiry.afterMs) } });
        removed[model.collection.collectionName] = (removed[model.collection.collectionName] ?? 0) + deletedCount;
      }
      if (Object.values(removed).some((count) => count > 0)) this.logger.log({ msg: 'store housekeeping', removed });
    } catch (err) {
      this.logger.warn({ msg: 'store housekeeping failed; will retry', error: (err as Error).message });
    }
    return removed;
  }
}
