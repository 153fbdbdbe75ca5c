import { Module } from '@nestjs/common';
import { StoreModule } from '@pilot/store';
import { KnownPlansModule } from '../plans/known-plans.module';
import { ApplicationQueriesService } from './application-queries.service';
import { Application, ApplicationSchema } from './application.schema';
import { ApplicationsHandlers } from './applications.handlers';
import { DraftingService } from './drafting.service';
import { PlanSettlement } from './plan-settlement';
import { QuotaLedger } from './quota-ledger';
import { ReferenceData } from './reference-data';
import { ReviewsService } from './reviews.service';
import { SettlementHandlers } from './settlement.handlers';

@Module({
  // Applications announce submissions and decisions through their outbox.
  imports: [KnownPlansModule, StoreModule.forFeature([{ name: Application.name, schema: ApplicationSchema, events: true }])],
  controllers: [ApplicationsHandlers, SettlementHandlers],
  providers: [ApplicationQueriesService, DraftingService, ReviewsService, QuotaLedger, ReferenceData, PlanSettlement],
})
export class PilotApplicationsModule {}
