import { Controller } from '@nestjs/common';
import { PlanningEvents, type EventEnvelope, type PlanWindowClosedEvent } from '@pilot/contracts';
import { OnEvent } from '@pilot/messaging';
import { KnownPlansService } from '../plans/known-plans.service';
import { PlanSettlement } from './plan-settlement';

@Controller()
export class SettlementHandlers {
  constructor(
    private readonly plans: KnownPlansService,
    private readonly settlement: PlanSettlement,
  ) {}

  /** A closed window may be all the plan's results waited for. */
  @OnEvent(PlanningEvents.planWindowClosed)
  async windowClosed(event: EventEnvelope<PlanWindowClosedEvent>) {
    await this.plans.windowClosed(event.payload);
    await this.settlement.settleIfDone(event.payload.planId);
  }
}
