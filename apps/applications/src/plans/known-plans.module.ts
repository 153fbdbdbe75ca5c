import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { KnownPlan, KnownPlanSchema } from './known-plan.schema';
import { KnownPlansHandlers } from './known-plans.handlers';
import { KnownPlansService } from './known-plans.service';

/** The published plans, as planning announces them. */
@Module({
  imports: [MongooseModule.forFeature([{ name: KnownPlan.name, schema: KnownPlanSchema }])],
  controllers: [KnownPlansHandlers],
  providers: [KnownPlansService],
  // The end of a window is handled with the results it may settle (see SettlementHandlers).
  exports: [KnownPlansService, MongooseModule],
})
export class KnownPlansModule {}
