import { DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation } from '@pilot/foundation';
import type { StoreServiceConfig } from '@pilot/runtime';
import { PilotApplicationsModule } from './applications/applications.module';
import { KnownPlansModule } from './plans/known-plans.module';

/** Owns pilot applications, their review trail, and its copy of the published plans. */
@Module({})
export class ApplicationsModule {
  static register(config: StoreServiceConfig): DynamicModule {
    return {
      module: ApplicationsModule,
      imports: [
        ...serviceFoundation('applications', config),
        KnownPlansModule,
        PilotApplicationsModule,
      ],
    };
  }
}
