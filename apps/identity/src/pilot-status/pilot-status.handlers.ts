import { Injectable } from '@nestjs/common';
import { ApplicationEvents, RpcPatterns, type ActorRequest, type EventEnvelope, type PlanResultsSettledEvent } from '@pilot/contracts';
import { EventHandler, RpcHandler } from '@pilot/messaging';
import { PilotStatusService } from './pilot-status.service';

@Injectable()
export class PilotStatusHandlers {
  constructor(private readonly pilotStatus: PilotStatusService) {}

  @EventHandler(ApplicationEvents.planResultsSettled)
  settled(event: EventEnvelope<PlanResultsSettledEvent>) {
    return this.pilotStatus.record(event.payload);
  }

  @RpcHandler(RpcPatterns.identity.pilotStatus)
  list({ actor }: ActorRequest) {
    return this.pilotStatus.statusOf(actor);
  }
}
