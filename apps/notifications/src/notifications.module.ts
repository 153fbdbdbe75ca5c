import { DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation } from '@pilot/foundation';
import { CollegeContactsModule } from './contacts/college-contacts.module';
import { MessagesModule } from './messages/messages.module';
import { NotificationsConfig } from './notifications.config';
import { RegistrationsModule } from './registrations/registrations.module';
import { SmsModule } from './sms/sms.module';

/** Owns SMS and in-app messages to colleges and to the provinces' reviewers. */
@Module({})
export class NotificationsModule {
  static register(config: NotificationsConfig): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [...serviceFoundation('notifications', config), SmsModule.register(config.smsOptions()), CollegeContactsModule, MessagesModule, RegistrationsModule],
    };
  }
}
