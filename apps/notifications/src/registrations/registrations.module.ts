import { Module } from '@nestjs/common';
import { CollegeContactsModule } from '../contacts/college-contacts.module';
import { MessagesModule } from '../messages/messages.module';
import { RegistrationNoticesHandlers } from './registration-notices.handlers';
import { RegistrationNoticesService } from './registration-notices.service';

/** Colleges' registrations and revocations: the phones kept for them, and who is told. */
@Module({
  imports: [CollegeContactsModule, MessagesModule],
  controllers: [RegistrationNoticesHandlers],
  providers: [RegistrationNoticesService],
})
export class RegistrationsModule {}
