import { Logger, type OnApplicationBootstrap, type Provider, type Type } from '@nestjs/common';
import { isDuplicateKeyError } from '@pilot/store';
import type { SaveCounts } from './catalogue-import';

export interface CatalogueOptions {
  /** Load the demo catalogue at start-up (never meant for production). */
  seedDemoData: boolean;
}

/** A catalogue service that can write its demo entries. */
export interface DemoSeedable {
  seedDemo(): Promise<SaveCounts>;
}

/** Loads a catalogue's demo entries when asked to; re-runs are harmless. */
class DemoCatalogueSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoCatalogueSeeder');

  constructor(
    private readonly catalogue: string,
    private readonly service: DemoSeedable,
    private readonly options: CatalogueOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.seedDemoData) return;
    const counts = await seedDemoCatalogue(() => this.service.seedDemo());
    this.logger.log({ msg: `demo ${this.catalogue} loaded`, ...counts });
  }
}

/** The seeder of one catalogue module, by its service. */
export function demoCatalogueSeeder(catalogue: string, service: Type<DemoSeedable>, options: CatalogueOptions): Provider {
  return {
    provide: `${catalogue}DemoSeeder`,
    inject: [service],
    useFactory: (seedable: DemoSeedable) => new DemoCatalogueSeeder(catalogue, seedable, options),
  };
}

/**
 * Replicas starting together seed the same entries at the same moment, and one of them loses an
 * insert; the winner's writes are there then, so a second pass finishes the job.
 */
export async function seedDemoCatalogue(seed: () => Promise<SaveCounts>): Promise<SaveCounts> {
  try {
    return await seed();
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    return seed();
  }
}
