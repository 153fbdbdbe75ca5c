import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { PlatformError, type SendSmsCommand } from '@pilot/contracts';
import type { Model } from 'mongoose';
import { SmsLog } from './sms-log.schema';
import { SMS_PROVIDER, type SmsProvider } from './sms-provider';
import { renderSms } from './sms-templates';

@Injectable()
export class SmsService {
  private readonly logger = new Logger('Sms');

  constructor(
    @Inject(SMS_PROVIDER) private readonly provider: SmsProvider,
    @InjectModel(SmsLog.name) private readonly log: Model<SmsLog>,
  ) {}

  async send(command: SendSmsCommand): Promise<void> {
    const text = renderSms(command);
    const entry = { phone: command.phone, template: command.template, provider: this.provider.name, at: new Date() };
    try {
      await this.provider.send(command.phone, command, text);
    } catch (err) {
      const error = (err as Error).message;
      await this.log.create({ ...entry, status: 'failed', error });
      this.logger.warn({ msg: 'sms failed', template: command.template, provider: this.provider.name, error });
      throw new PlatformError('SERVICE_UNAVAILABLE');
    }
    await this.log.create({ ...entry, status: 'sent' });
    this.logger.log({ msg: 'sms sent', template: command.template, provider: this.provider.name });
  }
}
