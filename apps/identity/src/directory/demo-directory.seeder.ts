import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { bulkWriteInSlices } from '@pilot/runtime';
import type { Model } from 'mongoose';
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
    @InjectModel(College.name) private readonly colleges: Model<College>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.colleges.init();
    if (!this.options.seedDemoData) return;
    await bulkWriteInSlices(
      this.colleges,
      DEMO_COLLEGES.map((college) => ({
        updateOne: {
          filter: { identificationCode: college.identificationCode },
          update: {
            $set: { ...college, provinceCode: `${college.cityCode.slice(0, 2)}0000`, demo: true },
          },
          upsert: true,
        },
      })),
    );
    this.logger.log({ msg: 'demo directory loaded', colleges: DEMO_COLLEGES.length });
  }
}
