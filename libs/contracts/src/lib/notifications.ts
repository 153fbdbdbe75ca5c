import type { ReviewDecision } from './applications';
import type { SmsCodePurpose } from './auth';
import type { Page } from './pagination';

/** The SMS the platform sends; each names its template and the values it fills in. */
export type SmsMessage =
  | { template: 'verification-code'; params: { code: string; purpose: SmsCodePurpose } }
  | { template: 'account-created'; params: { username: string; password: string } }
  | { template: 'application-reviewed'; params: ApplicationReviewedSms }
  | { template: 'registration-revoked'; params: { collegeName: string; departmentName: string } };

/** A review decision as the college's phone hears of it: never the reason, which is read on the platform. */
export interface ApplicationReviewedSms {
  planName: string;
  certificateName: string;
  level: 'city' | 'province';
  decision: ReviewDecision;
  /** Given when a province approves. */
  approvedTrainees?: number;
}

/** Templates whose text carries a secret: never stored or logged in clear. */
export const SECRET_SMS_TEMPLATES: ReadonlySet<SmsMessage['template']> = new Set(['account-created']);

export type SendSmsCommand = SmsMessage & { phone: string };

/** A message as the development SMS inbox keeps it. */
export interface DevSmsView {
  phone: string;
  text: string;
  sentAt: string;
}

/**
 * A message in the platform (站内消息). A college's messages are seen by every account of it; a
 * province's messages (registrations to check) by every province reviewer of it.
 */
export interface InAppMessageView {
  id: string;
  title: string;
  body: string;
  createdAt: string;
  read: boolean;
  /** The application the message is about, for a link to it. */
  applicationId?: string;
  /** The college whose registration the message is about, for a link to the province's registrations. */
  collegeId?: string;
}

export type InAppMessagePage = Page<InAppMessageView> & { unread: number };

export interface ListMessagesRequest {
  page?: number;
  pageSize?: number;
}
