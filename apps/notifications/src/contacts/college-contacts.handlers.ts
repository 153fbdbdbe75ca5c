import { Controller } from '@nestjs/common';
import { IdentityEvents, type CollegeProfileUpdatedEvent, type CollegeRegisteredEvent, type EventEnvelope } from '@pilot/contracts';
import { OnEvent } from '@pilot/messaging';
import { CollegeContactsService } from './college-contacts.service';

@Controller()
export class CollegeContactsHandlers {
  constructor(private readonly contacts: CollegeContactsService) {}

  @OnEvent(IdentityEvents.collegeRegistered)
  registered(event: EventEnvelope<CollegeRegisteredEvent>) {
    return this.contacts.registered(event.payload);
  }

  @OnEvent(IdentityEvents.collegeProfileUpdated)
  profileUpdated(event: EventEnvelope<CollegeProfileUpdatedEvent>) {
    return this.contacts.profileUpdated(event.payload, new Date(event.occurredAt));
  }
}
