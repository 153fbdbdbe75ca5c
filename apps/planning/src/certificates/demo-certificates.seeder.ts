import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { seedDemoCatalogue, type CatalogueOptions } from '../catalogue/demo-seeding';
import { Certificate } from './certificate.schema';
import { CertificatesService } from './certificates.service';

export const CERTIFICATES_OPTIONS = Symbol('CERTIFICATES_OPTIONS');

/** Makes sure the indexes exist, then loads the demo certificates when asked to; re-runs are harmless. */
@Injectable()
export class DemoCertificatesSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoCertificatesSeeder');

  constructor(
    @Inject(CERTIFICATES_OPTIONS) private readonly options: CatalogueOptions,
    @InjectModel(Certificate.name) private readonly certificates: Model<Certificate>,
    private readonly service: CertificatesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.certificates.init();
    if (!this.options.seedDemoData) return;
    const counts = await seedDemoCatalogue(() => this.service.seedDemo());
    this.logger.log({ msg: 'demo certificates loaded', ...counts });
  }
}
