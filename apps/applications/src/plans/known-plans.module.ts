import { Module } from '@nestjs/common';
import { StoreModule } from '@pilot/store';
import { KnownPlan, KnownPlanSchema } from './known-plan.schema';
import { KnownPlansHandlers } from './known-plans.handlers';
import { KnownPlansService } from './known-plans.service';

/** The published plans, as planning announces them. */
@Module({
  // A plan's copy announces its settled results through its outbox.
  imports: [StoreModule.forFeature([{ name: KnownPlan.name, schema: KnownPlanSchema, events: true }])],
  controllers: [KnownPlansHandlers],
  providers: [KnownPlansService],
  exports: [KnownPlansService],
})
export class KnownPlansModule {}
