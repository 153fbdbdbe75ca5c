import { Controller } from '@nestjs/common';
import { ApplicationEvents, RpcPatterns, type ActorRequest, type EventEnvelope, type PlanResultsSettledEvent } from '@pilot/contracts';
import { OnEvent, OnRequest } from '@pilot/messaging';
import { PilotStatusService } from './pilot-status.service';

@Controller()
export class PilotStatusHandlers {
  constructor(private readonly pilotStatus: PilotStatusService) {}

  @OnEvent(ApplicationEvents.planResultsSettled)
  settled(event: EventEnvelope<PlanResultsSettledEvent>) {
    return this.pilotStatus.record(event.payload);
  }

  @OnRequest(RpcPatterns.identity.pilotStatus)
  list({ actor }: ActorRequest) {
    return this.pilotStatus.statusOf(actor);
  }
}
