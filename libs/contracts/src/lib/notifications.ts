import type { SmsCodePurpose } from './auth';

/** The SMS the platform sends; each names its template and the values it fills in. */
export type SmsMessage =
  | { template: 'verification-code'; params: { code: string; purpose: SmsCodePurpose } }
  | { template: 'account-created'; params: { username: string; password: string } };

/** Templates whose text carries a secret: never stored or logged in clear. */
export const SECRET_SMS_TEMPLATES: ReadonlySet<SmsMessage['template']> = new Set(['account-created']);

export type SendSmsCommand = SmsMessage & { phone: string };

/** A message as the development SMS inbox keeps it. */
export interface DevSmsView {
  phone: string;
  text: string;
  sentAt: string;
}
