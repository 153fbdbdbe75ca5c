import { DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation } from '@pilot/messaging';
import type { StoreServiceConfig } from '@pilot/runtime';
import { KnownPlansModule } from './plans/known-plans.module';

/** Owns pilot applications and their review trail; its domain modules join this list as they are built. */
@Module({})
export class ApplicationsModule {
  static register(config: StoreServiceConfig): DynamicModule {
    return { module: ApplicationsModule, imports: [...serviceFoundation('applications', config), KnownPlansModule] };
  }
}
