import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CollegeContact, CollegeContactSchema } from './college-contact.schema';
import { CollegeContactsHandlers } from './college-contacts.handlers';
import { CollegeContactsService } from './college-contacts.service';

/** The colleges' phones, kept from identity's events. */
@Module({
  imports: [MongooseModule.forFeature([{ name: CollegeContact.name, schema: CollegeContactSchema }])],
  controllers: [CollegeContactsHandlers],
  providers: [CollegeContactsService],
  exports: [CollegeContactsService],
})
export class CollegeContactsModule {}
