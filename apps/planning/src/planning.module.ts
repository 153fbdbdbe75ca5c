import { DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation } from '@pilot/foundation';
import { CertificatesModule } from './certificates/certificates.module';
import { MajorsModule } from './majors/majors.module';
import { PlansModule } from './plans/plans.module';
import { PlanningConfig } from './planning.config';

/** Owns the certificate and major catalogues, and the provinces' application plans with their windows. */
@Module({})
export class PlanningModule {
  static register(config: PlanningConfig): DynamicModule {
    const seedDemoData = config.SEED_DEMO_DATA === '1';
    return {
      module: PlanningModule,
      imports: [
        ...serviceFoundation('planning', config),
        CertificatesModule.register({ seedDemoData }),
        MajorsModule.register({ seedDemoData }),
        PlansModule.register({ windowCheckIntervalMs: config.WINDOW_CHECK_INTERVAL_MS }),
      ],
      providers: [{ provide: PlanningConfig, useValue: config }],
    };
  }
}
