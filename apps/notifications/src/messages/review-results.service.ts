import { Injectable, Logger } from '@nestjs/common';
import { ApplicationEvents, type ApplicationReviewedEvent } from '@pilot/contracts';
import { CollegeContactsService } from '../contacts/college-contacts.service';
import { SmsService } from '../sms/sms.service';
import { reviewOutcome } from '../sms/sms-templates';
import { MessagesService } from './messages.service';

const TITLE = '证书试点申报审核结果';

/** Tells a college of each review decision: a message in the platform and an SMS to its phone. */
@Injectable()
export class ReviewResultsService {
  private readonly logger = new Logger('ReviewResults');

  constructor(
    private readonly messages: MessagesService,
    private readonly contacts: CollegeContactsService,
    private readonly sms: SmsService,
  ) {}

  /**
   * Both steps are keyed by the event's id, so running it again for the same event (after a
   * crash between them, or a failed send) completes what is missing and repeats nothing.
   */
  async announce(eventId: string, decision: ApplicationReviewedEvent): Promise<void> {
    await this.messages.deliver({
      _id: eventId,
      recipient: decision.collegeId,
      title: TITLE,
      body: messageBody(decision),
      applicationId: decision.applicationId,
      createdAt: new Date(decision.decidedAt),
    });
    const contact = await this.contacts.find(decision.collegeId);
    if (!contact?.phone) {
      // identity's registration event has not reached us yet: failing lets the bus retry later.
      this.logger.warn({ msg: 'no phone known for the college yet; review result SMS not sent', eventId, collegeId: decision.collegeId, applicationId: decision.applicationId });
      throw new Error(`no phone known yet for college ${decision.collegeId}`);
    }
    await this.sms.sendOnce(`${ApplicationEvents.applicationReviewed}:${eventId}`, {
      phone: contact.phone,
      template: 'application-reviewed',
      params: {
        planName: decision.planName,
        certificateName: decision.certificateName,
        level: decision.level,
        decision: decision.decision,
        approvedTrainees: decision.approvedTrainees,
      },
    });
    this.logger.log({ msg: 'review result announced', eventId, collegeId: decision.collegeId, applicationId: decision.applicationId, level: decision.level, decision: decision.decision });
  }
}

function messageBody(decision: ApplicationReviewedEvent): string {
  const result = `贵校在“${decision.planName}”中申报的“${decision.certificateName}”试点${reviewOutcome(decision)}`;
  const next = decision.decision === 'reject' ? '，可在申报时间内修改后重新提交。' : '。';
  return `${result}${next}${decision.comment ? `审核意见：${decision.comment}` : ''}`;
}
