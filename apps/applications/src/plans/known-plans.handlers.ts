import { Injectable } from '@nestjs/common';
import { PlanningEvents, type EventEnvelope, type PlanDeletedEvent, type PlanSnapshot } from '@pilot/contracts';
import { EventHandler } from '@pilot/messaging';
import { KnownPlansService } from './known-plans.service';

@Injectable()
export class KnownPlansHandlers {
  constructor(private readonly plans: KnownPlansService) {}

  @EventHandler(PlanningEvents.planPublished)
  published(event: EventEnvelope<PlanSnapshot>) {
    return this.plans.remember(event.payload);
  }

  @EventHandler(PlanningEvents.planUpdated)
  updated(event: EventEnvelope<PlanSnapshot>) {
    return this.plans.remember(event.payload);
  }

  @EventHandler(PlanningEvents.planDeleted)
  deleted(event: EventEnvelope<PlanDeletedEvent>) {
    return this.plans.deleted(event.payload, new Date(event.occurredAt));
  }
}
