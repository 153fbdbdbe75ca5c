import { DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation } from '@pilot/messaging';
import type { StoreServiceConfig } from '@pilot/runtime';
import { Application } from './applications/application.schema';
import { PilotApplicationsModule } from './applications/applications.module';
import { KnownPlan } from './plans/known-plan.schema';
import { KnownPlansModule } from './plans/known-plans.module';

/** Owns pilot applications, their review trail, and its copy of the published plans. */
@Module({})
export class ApplicationsModule {
  static register(config: StoreServiceConfig): DynamicModule {
    return {
      module: ApplicationsModule,
      imports: [
        // Applications announce submissions and decisions, and plans their settled results, through outboxes.
        ...serviceFoundation('applications', config, { outboxModels: [Application.name, KnownPlan.name] }),
        KnownPlansModule,
        PilotApplicationsModule,
      ],
    };
  }
}
