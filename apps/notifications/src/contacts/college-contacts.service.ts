import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { CollegeProfileUpdatedEvent, CollegeRegisteredEvent } from '@pilot/contracts';
import { upsertOne } from '@pilot/runtime';
import type { Model } from 'mongoose';
import { CollegeContact } from './college-contact.schema';

export interface CollegeContactView {
  collegeId: string;
  collegeName?: string;
  /** The number results go to: the contact's if the college gave one, else the registered phone. */
  phone?: string;
  contactName?: string;
}

@Injectable()
export class CollegeContactsService {
  constructor(@InjectModel(CollegeContact.name) private readonly contacts: Model<CollegeContact>) {}

  async registered(event: CollegeRegisteredEvent): Promise<void> {
    await upsertOne(this.contacts, { _id: event.collegeId }, { $set: { collegeName: event.collegeName, accountPhone: event.phone } });
  }

  /** Applies the contact unless a newer one is already there (events may arrive out of order). */
  async profileUpdated(event: CollegeProfileUpdatedEvent, occurredAt: Date): Promise<void> {
    const fields = { contactName: event.contactName, contactPhone: event.contactPhone, email: event.email, contactAt: occurredAt };
    const newerOrNone = { $or: [{ contactAt: { $exists: false } }, { contactAt: { $lt: occurredAt } }] };
    await upsertOne(this.contacts, { _id: event.collegeId, ...newerOrNone }, { $set: fields });
  }

  async find(collegeId: string): Promise<CollegeContactView | null> {
    const contact = await this.contacts.findById(collegeId).lean();
    if (!contact) return null;
    const mobile = contact.contactPhone && /^1\d{10}$/.test(contact.contactPhone) ? contact.contactPhone : undefined;
    return { collegeId, collegeName: contact.collegeName, phone: mobile ?? contact.accountPhone, contactName: contact.contactName };
  }
}
