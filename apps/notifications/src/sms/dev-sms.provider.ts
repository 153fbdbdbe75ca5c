import { Inject, Injectable } from '@nestjs/common';
import { SECRET_SMS_TEMPLATES, type DevSmsView, type SmsMessage } from '@pilot/contracts';
import { InjectRepository, type Repository } from '@pilot/store';
import { DevSms } from './dev-sms.schema';
import { SealedText } from './sealed-text';
import type { SmsProvider } from './sms-provider';
import { SMS_OPTIONS, type SmsOptions } from './sms.options';

/** Shown in place of a secret message this process can no longer open. */
export const UNREADABLE_TEXT = '（此短信含密码，服务重启后不再显示）';

@Injectable()
export class DevSmsProvider implements SmsProvider {
  readonly name = 'dev';
  private readonly sealer: SealedText;

  constructor(
    @InjectRepository(DevSms) private readonly inbox: Repository<DevSms>,
    @Inject(SMS_OPTIONS) options: SmsOptions,
  ) {
    this.sealer = new SealedText(options.provider === 'dev' ? options.devInboxKey : undefined);
  }

  async send(phone: string, message: SmsMessage, text: string): Promise<void> {
    const content = SECRET_SMS_TEMPLATES.has(message.template) ? { sealedText: this.sealer.seal(text) } : { text };
    await this.inbox.create({ phone, ...content, sentAt: new Date() });
  }

  async list(phone: string): Promise<DevSmsView[]> {
    const messages = await this.inbox.find({ phone }, { sort: { sentAt: -1 }, limit: 50 });
    return messages.map((m) => ({
      phone: m.phone,
      text: m.sealedText ? (this.sealer.open(m.sealedText) ?? UNREADABLE_TEXT) : (m.text ?? ''),
      sentAt: m.sentAt.toISOString(),
    }));
  }
}
