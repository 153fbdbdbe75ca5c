import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository, type Repository } from '@pilot/store';
import { College } from './college.schema';
import { DEMO_COLLEGES } from './seed/demo-directory';

export const DIRECTORY_OPTIONS = Symbol('DIRECTORY_OPTIONS');
export interface DirectoryOptions {
  seedDemoData: boolean;
  /** Lets automated tests add colleges of their own (development tools only). */
  devTools: boolean;
}

/** Loads the demo directory when asked to; upserts by identification code, so re-runs are harmless. */
@Injectable()
export class DemoDirectorySeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoDirectorySeeder');

  constructor(
    @Inject(DIRECTORY_OPTIONS) private readonly options: DirectoryOptions,
    @InjectRepository(College) private readonly colleges: Repository<College>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.seedDemoData) return;
    await this.colleges.upsertMany(
      DEMO_COLLEGES.map((college) => ({
        filter: { identificationCode: college.identificationCode },
        set: { ...college, provinceCode: `${college.cityCode.slice(0, 2)}0000`, demo: true },
      })),
    );
    this.logger.log({ msg: 'demo directory loaded', colleges: DEMO_COLLEGES.length });
  }
}
