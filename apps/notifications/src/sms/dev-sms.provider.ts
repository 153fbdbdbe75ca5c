import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { DevSmsView, SmsMessage } from '@pilot/contracts';
import type { Model } from 'mongoose';
import { DevSms } from './dev-sms.schema';
import type { SmsProvider } from './sms-provider';

@Injectable()
export class DevSmsProvider implements SmsProvider {
  readonly name = 'dev';

  constructor(@InjectModel(DevSms.name) private readonly inbox: Model<DevSms>) {}

  async send(phone: string, _message: SmsMessage, text: string): Promise<void> {
    await this.inbox.create({ phone, text, sentAt: new Date() });
  }

  async list(phone: string): Promise<DevSmsView[]> {
    const messages = await this.inbox.find({ phone }).sort({ sentAt: -1 }).limit(50).lean();
    return messages.map((m) => ({ phone: m.phone, text: m.text, sentAt: m.sentAt.toISOString() }));
  }
}
