import { Injectable } from '@nestjs/common';
import type { CollegeProfileUpdatedEvent, CollegeRegisteredEvent, RegistrationRevokedEvent } from '@pilot/contracts';
import { InjectRepository, type Repository } from '@pilot/store';
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
  constructor(@InjectRepository(CollegeContact) private readonly contacts: Repository<CollegeContact>) {}

  async registered(event: CollegeRegisteredEvent, occurredAt: Date): Promise<void> {
    await this.contacts.upsert(event.collegeId, (contact) =>
      contact?.accountPhoneAt && contact.accountPhoneAt > occurredAt ? undefined : { set: { collegeName: event.collegeName, accountPhone: event.phone, accountPhoneAt: occurredAt } },
    );
  }

  /**
   * A revoked registration's phone, and the contact its holder gave, hear nothing more of the
   * college; a registration or a contact given after the revocation stays (events may arrive
   * out of order), and so does a contact older than it arriving late.
   */
  async revoked(event: RegistrationRevokedEvent): Promise<void> {
    const revokedAt = new Date(event.revokedAt);
    await this.contacts.upsert(event.collegeId, (contact) => {
      const unset: (keyof CollegeContact & string)[] = [];
      if (!contact?.accountPhoneAt || contact.accountPhoneAt <= revokedAt) unset.push('accountPhone', 'accountPhoneAt');
      const contactIsOlder = !contact?.contactAt || contact.contactAt <= revokedAt;
      if (contactIsOlder) unset.push('contactName', 'contactPhone', 'email');
      return unset.length ? { set: contactIsOlder ? { contactAt: revokedAt } : {}, unset } : undefined;
    });
  }

  /** Applies the contact unless a newer one is already there (events may arrive out of order). */
  async profileUpdated(event: CollegeProfileUpdatedEvent, occurredAt: Date): Promise<void> {
    const fields = { contactName: event.contactName, contactPhone: event.contactPhone, email: event.email, contactAt: occurredAt };
    await this.contacts.upsert(event.collegeId, (contact) => (contact?.contactAt && contact.contactAt >= occurredAt ? undefined : { set: fields }));
  }

  async find(collegeId: string): Promise<CollegeContactView | null> {
    const contact = await this.contacts.get(collegeId);
    if (!contact) return null;
    const mobile = contact.contactPhone && /^1\d{10}$/.test(contact.contactPhone) ? contact.contactPhone : undefined;
    return { collegeId, collegeName: contact.collegeName, phone: mobile ?? contact.accountPhone, contactName: contact.contactName };
  }
}
