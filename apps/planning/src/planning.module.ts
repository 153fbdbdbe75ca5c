import { DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation } from '@pilot/messaging';
import type { StoreServiceConfig } from '@pilot/runtime';

/** Owns certificate and major catalogues, application plans and their windows; its domain modules join this list as they are built. */
@Module({})
export class PlanningModule {
  static register(config: StoreServiceConfig): DynamicModule {
    return { module: PlanningModule, imports: [...serviceFoundation('planning', config)] };
  }
}
