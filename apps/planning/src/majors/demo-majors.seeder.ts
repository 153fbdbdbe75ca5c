import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { seedDemoCatalogue, type CatalogueOptions } from '../catalogue/demo-seeding';
import { Major } from './major.schema';
import { MajorsService } from './majors.service';

export const MAJORS_OPTIONS = Symbol('MAJORS_OPTIONS');

/** Makes sure the indexes exist, then loads the demo majors when asked to; re-runs are harmless. */
@Injectable()
export class DemoMajorsSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoMajorsSeeder');

  constructor(
    @Inject(MAJORS_OPTIONS) private readonly options: CatalogueOptions,
    @InjectModel(Major.name) private readonly majors: Model<Major>,
    private readonly service: MajorsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.majors.init();
    if (!this.options.seedDemoData) return;
    const counts = await seedDemoCatalogue(() => this.service.seedDemo());
    this.logger.log({ msg: 'demo majors loaded', ...counts });
  }
}
