import type { LoggerService } from '@nestjs/common';
import type { DocumentTurns } from './document-turns';
import type { ProcessedMessages } from './processed-messages';

export interface HousekeepingOptions {
  everyMs: number;
  /** A turn older than this is of no use to anyone (DocumentTurns gives a dead taker's up after 30 s). */
  turnsKeptMs: number;
  /** How long an applied message's id is kept to recognise a late copy of it. */
  processedKeptMs: number;
}

export const DEFAULT_HOUSEKEEPING: HousekeepingOptions = {
  everyMs: 60 * 60_000,
  turnsKeptMs: 60 * 60_000,
  processedKeptMs: 7 * 24 * 60 * 60_000,
};

/**
 * The store keeps a record per write (turns) and per applied message; without TTL indexes (the
 * development store has none) nothing else would ever remove them. Every replica may run this:
 * each deletion is idempotent.
 */
export class StoreHousekeeping {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly turns: DocumentTurns,
    private readonly processed: ProcessedMessages,
    private readonly logger: LoggerService,
    private readonly options: HousekeepingOptions = DEFAULT_HOUSEKEEPING,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.run(), this.options.everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async run(now = new Date()): Promise<{ turns: number; processed: number }> {
    try {
      const turns = await this.turns.forgetOlderThan(new Date(now.getTime() - this.options.turnsKeptMs));
      const processed = await this.processed.forgetDoneBefore(new Date(now.getTime() - this.options.processedKeptMs));
      if (turns + processed > 0) this.logger.log({ msg: 'store housekeeping', turns, processed });
      return { turns, processed };
    } catch (err) {
      this.logger.warn({ msg: 'store housekeeping failed; will retry', error: (err as Error).message });
      return { turns: 0, processed: 0 };
    }
  }
}
