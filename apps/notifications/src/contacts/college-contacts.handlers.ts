import { Injectable } from '@nestjs/common';
import { IdentityEvents, type CollegeProfileUpdatedEvent, type CollegeRegisteredEvent, type EventEnvelope } from '@pilot/contracts';
import { EventHandler } from '@pilot/messaging';
import { CollegeContactsService } from './college-contacts.service';

@Injectable()
export class CollegeContactsHandlers {
  constructor(private readonly contacts: CollegeContactsService) {}

  @EventHandler(IdentityEvents.collegeRegistered)
  registered(event: EventEnvelope<CollegeRegisteredEvent>) {
    return this.contacts.registered(event.payload);
  }

  @EventHandler(IdentityEvents.collegeProfileUpdated)
  profileUpdated(event: EventEnvelope<CollegeProfileUpdatedEvent>) {
    return this.contacts.profileUpdated(event.payload, new Date(event.occurredAt));
  }
}
