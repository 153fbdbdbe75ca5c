import { Controller } from '@nestjs/common';
import { IdentityEvents, type CollegeProfileUpdatedEvent, type EventEnvelope } from '@pilot/contracts';
import { OnEvent } from '@pilot/messaging';
import { CollegeContactsService } from './college-contacts.service';

@Controller()
export class CollegeContactsHandlers {
  constructor(private readonly contacts: CollegeContactsService) {}

  @OnEvent(IdentityEvents.collegeProfileUpdated)
  profileUpdated(event: EventEnvelope<CollegeProfileUpdatedEvent>) {
    return this.contacts.profileUpdated(event.payload, new Date(event.occurredAt));
  }
}
