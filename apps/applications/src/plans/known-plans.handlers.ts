import { Controller } from '@nestjs/common';
import { PlanningEvents, type EventEnvelope, type PlanDeletedEvent, type PlanSnapshot } from '@pilot/contracts';
import { OnEvent } from '@pilot/messaging';
import { KnownPlansService } from './known-plans.service';

@Controller()
export class KnownPlansHandlers {
  constructor(private readonly plans: KnownPlansService) {}

  @OnEvent(PlanningEvents.planPublished)
  published(event: EventEnvelope<PlanSnapshot>) {
    return this.plans.remember(event.payload);
  }

  @OnEvent(PlanningEvents.planUpdated)
  updated(event: EventEnvelope<PlanSnapshot>) {
    return this.plans.remember(event.payload);
  }

  @OnEvent(PlanningEvents.planDeleted)
  deleted(event: EventEnvelope<PlanDeletedEvent>) {
    return this.plans.deleted(event.payload, new Date(event.occurredAt));
  }
}
