import { Module } from '@nestjs/common';
import { StoreModule } from '@pilot/store';
import { CollegeContactsModule } from '../contacts/college-contacts.module';
import { InAppMessage, InAppMessageSchema } from './in-app-message.schema';
import { MessagesHandlers } from './messages.handlers';
import { MessagesService } from './messages.service';
import { ReviewResultsHandlers } from './review-results.handlers';
import { ReviewResultsService } from './review-results.service';

/** Messages in the platform, and the review results that reach colleges there and by SMS. */
@Module({
  imports: [StoreModule.forFeature([{ name: InAppMessage.name, schema: InAppMessageSchema }]), CollegeContactsModule],
  controllers: [MessagesHandlers, ReviewResultsHandlers],
  providers: [MessagesService, ReviewResultsService],
  exports: [MessagesService],
})
export class MessagesModule {}
