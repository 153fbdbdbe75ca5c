import { Module } from '@nestjs/common';
import { StoreModule } from '@pilot/store';
import { CollegeContact, CollegeContactSchema } from './college-contact.schema';
import { CollegeContactsHandlers } from './college-contacts.handlers';
import { CollegeContactsService } from './college-contacts.service';

/** The colleges' phones, kept from identity's events. */
@Module({
  imports: [StoreModule.forFeature([{ name: CollegeContact.name, schema: CollegeContactSchema }])],
  controllers: [CollegeContactsHandlers],
  providers: [CollegeContactsService],
  exports: [CollegeContactsService],
})
export class CollegeContactsModule {}
