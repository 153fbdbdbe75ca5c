import { DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation } from '@pilot/messaging';
import type { StoreServiceConfig } from '@pilot/runtime';
import { Application } from './applications/application.schema';
import { PilotApplicationsModule } from './applications/applications.module';
import { KnownPlansModule } from './plans/known-plans.module';

/** Owns pilot applications, their review trail, and its copy of the published plans. */
@Module({})
export class ApplicationsModule {
  static register(config: StoreServiceConfig): DynamicModule {
    return {
      module: ApplicationsModule,
      imports: [
        // Applications announce submissions and decisions through their outbox.
        ...serviceFoundation('applications', config, { outboxModels: [Application.name] }),
        KnownPlansModule,
        PilotApplicationsModule,
      ],
    };
  }
}
