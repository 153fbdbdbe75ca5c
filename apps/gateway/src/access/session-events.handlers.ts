import { Controller } from '@nestjs/common';
import { IdentityEvents, type AccountSessionsEndedEvent, type EventEnvelope } from '@pilot/contracts';
import { OnEvent } from '@pilot/messaging';
import { SessionVersions } from './session-versions';

/** Each gateway process hears of every account whose tokens stopped working, on its own event queue. */
@Controller()
export class SessionEventsHandlers {
  constructor(private readonly versions: SessionVersions) {}

  @OnEvent(IdentityEvents.accountSessionsEnded)
  sessionsEnded({ payload }: EventEnvelope<AccountSessionsEndedEvent>): void {
    this.versions.heard(payload.accountId, payload.sessionVersion);
  }
}
