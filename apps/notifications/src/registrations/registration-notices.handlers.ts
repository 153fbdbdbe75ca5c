import { Controller } from '@nestjs/common';
import { IdentityEvents, type CollegeRegisteredEvent, type EventEnvelope, type RegistrationRevokedEvent } from '@pilot/contracts';
import { OnEvent } from '@pilot/messaging';
import { RegistrationNoticesService } from './registration-notices.service';

@Controller()
export class RegistrationNoticesHandlers {
  constructor(private readonly notices: RegistrationNoticesService) {}

  @OnEvent(IdentityEvents.collegeRegistered)
  registered(event: EventEnvelope<CollegeRegisteredEvent>) {
    return this.notices.registered(event.id, event.payload, new Date(event.occurredAt));
  }

  @OnEvent(IdentityEvents.registrationRevoked)
  revoked(event: EventEnvelope<RegistrationRevokedEvent>) {
    return this.notices.revoked(event.id, event.payload);
  }
}
