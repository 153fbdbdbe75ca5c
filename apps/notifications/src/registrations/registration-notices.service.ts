import { Injectable, Logger } from '@nestjs/common';
import { IdentityEvents, maskPhone, type CollegeRegisteredEvent, type RegistrationRevokedEvent } from '@pilot/contracts';
import { CollegeContactsService } from '../contacts/college-contacts.service';
import { MessagesService, provinceReviewersOf } from '../messages/messages.service';
import { SmsService } from '../sms/sms.service';

/**
 * A college's registration and its revocation, as the province's reviewers and the registrant
 * hear of them. Anyone holding a phone could claim a college that had not registered yet, so
 * the province is told of every registration and may revoke a wrong one; a revocation is told
 * to the registered phone by SMS and to the province's reviewers in the platform. Each step is
 * keyed by the event's id, so an event handled again repeats nothing.
 */
@Injectable()
export class RegistrationNoticesService {
  private readonly logger = new Logger('RegistrationNotices');

  constructor(
    private readonly contacts: CollegeContactsService,
    private readonly messages: MessagesService,
    private readonly sms: SmsService,
  ) {}

  async registered(eventId: string, registration: CollegeRegisteredEvent, occurredAt: Date): Promise<void> {
    await this.contacts.registered(registration, occurredAt);
    const where = registration.cityName ? `，${registration.cityName}` : '';
    await this.messages.deliver({
      _id: eventId,
      recipient: provinceReviewersOf(registration.provinceCode),
      title: '新院校注册',
      body: `${registration.collegeName}（学校标识码${registration.username}${where}）已用手机${maskPhone(registration.phone)}注册账号。如该注册并非院校本人所为，请在“院校注册”中核实后撤销。`,
      collegeId: registration.collegeId,
      createdAt: occurredAt,
    });
    this.logger.log({ msg: 'registration told to the province', eventId, collegeId: registration.collegeId, provinceCode: registration.provinceCode });
  }

  async revoked(eventId: string, revocation: RegistrationRevokedEvent): Promise<void> {
    await this.contacts.revoked(revocation);
    await this.sms.sendOnce(`${IdentityEvents.registrationRevoked}:${eventId}`, {
      phone: revocation.phone,
      template: 'registration-revoked',
      params: { collegeName: revocation.collegeName, departmentName: revocation.departmentName },
    });
    await this.messages.deliver({
      _id: eventId,
      recipient: provinceReviewersOf(revocation.provinceCode),
      title: '院校注册已撤销',
      body: `${revocation.collegeName}（学校标识码${revocation.identificationCode}）的注册已由${revocation.revokedBy.displayName}撤销，该账号已停用，已短信通知注册手机${maskPhone(revocation.phone)}。该院校可重新注册。`,
      collegeId: revocation.collegeId,
      createdAt: new Date(revocation.revokedAt),
    });
    this.logger.log({ msg: 'revocation told', eventId, collegeId: revocation.collegeId, accountId: revocation.accountId });
  }
}
