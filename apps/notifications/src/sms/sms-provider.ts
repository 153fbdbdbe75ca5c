import type { SmsMessage } from '@pilot/contracts';

/** Where an SMS leaves the platform: the development inbox, or a cloud SMS service. */
export interface SmsProvider {
  readonly name: string;
  /** `text` is the rendered message, for providers that send text; others send the template. */
  send(phone: string, message: SmsMessage, text: string): Promise<void>;
}

export const SMS_PROVIDER = Symbol('SMS_PROVIDER');
