import { DynamicModule, Module } from '@nestjs/common';
import { StoreModule } from '@pilot/store';
import { Plan, PlanSchema } from './plan.schema';
import { PlansHandlers } from './plans.handlers';
import { PLANS_OPTIONS, type PlansOptions } from './plans.options';
import { PlansService } from './plans.service';
import { WindowCloser } from './window-closer';

@Module({})
export class PlansModule {
  static register(options: PlansOptions): DynamicModule {
    return {
      module: PlansModule,
      // The certificate catalogue is global: plans check and name their certificates with it.
      // Plans announce their life through their outbox.
      imports: [StoreModule.forFeature([{ name: Plan.name, schema: PlanSchema, events: true }])],
      controllers: [PlansHandlers],
      providers: [{ provide: PLANS_OPTIONS, useValue: options }, PlansService, WindowCloser],
      exports: [PlansService],
    };
  }
}
