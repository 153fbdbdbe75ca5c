import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { CollegeProfileUpdatedEvent, CollegeRegisteredEvent } from '@pilot/contracts';
import { isDuplicateKeyError } from '@pilot/runtime';
import type { QueryFilter, Model } from 'mongoose';
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
    await this.upsert({ _id: event.collegeId }, { collegeName: event.collegeName, accountPhone: event.phone });
  }

  /** Applies the contact unless a newer one is already there (events may arrive out of order). */
  async profileUpdated(event: CollegeProfileUpdatedEvent, occurredAt: Date): Promise<void> {
    const fields = { contactName: event.contactName, contactPhone: event.contactPhone, email: event.email, contactAt: occurredAt };
    const newerOrNone = { $or: [{ contactAt: { $exists: false } }, { contactAt: { $lt: occurredAt } }] };
    await this.upsert({ _id: event.collegeId, ...newerOrNone }, fields);
  }

  /**
   * Both events may arrive together, and on this store two concurrent upserts of one id can clash
   * on the insert. Once the record exists a plain update settles it; matching nothing then means a
   * newer contact is already there.
   */
  private async upsert(filter: QueryFilter<CollegeContact>, fields: Partial<CollegeContact>): Promise<void> {
    try {
      await this.contacts.updateOne(filter, { $set: fields }, { upsert: true });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      await this.contacts.updateOne(filter, { $set: fields });
    }
  }

  async find(collegeId: string): Promise<CollegeContactView | null> {
    const contact = await this.contacts.findById(collegeId).lean();
    if (!contact) return null;
    const mobile = contact.contactPhone && /^1\d{10}$/.test(contact.contactPhone) ? contact.contactPhone : undefined;
    return { collegeId, collegeName: contact.collegeName, phone: mobile ?? contact.accountPhone, contactName: contact.contactName };
  }
}
