import { Inject, Injectable, Logger } from '@nestjs/common';
import { PlatformError, type SendSmsCommand } from '@pilot/contracts';
import { InjectRepository, type Repository } from '@pilot/store';
import { SmsLog } from './sms-log.schema';
import { SMS_PROVIDER, type SmsProvider } from './sms-provider';
import { renderSms } from './sms-templates';

@Injectable()
export class SmsService {
  private readonly logger = new Logger('Sms');

  constructor(
    @Inject(SMS_PROVIDER) private readonly provider: SmsProvider,
    @InjectRepository(SmsLog) private readonly log: Repository<SmsLog>,
  ) {}

  async send(command: SendSmsCommand, key?: string): Promise<void> {
    const text = renderSms(command);
    const entry = { phone: command.phone, template: command.template, provider: this.provider.name, at: new Date(), key };
    try {
      await this.provider.send(command.phone, command, text);
    } catch (err) {
      const error = (err as Error).message;
      await this.log.create({ ...entry, status: 'failed', error });
      this.logger.warn({ msg: 'sms failed', template: command.template, provider: this.provider.name, key, error });
      throw new PlatformError('SERVICE_UNAVAILABLE');
    }
    await this.log.create({ ...entry, status: 'sent' });
    this.logger.log({ msg: 'sms sent', template: command.template, provider: this.provider.name, key });
  }

  /**
   * Sends unless the log already shows a send under this key, so that work retried after a crash
   * texts once. The one gap left is a crash after the provider took the message and before it
   * was logged: that message goes again, as a result told twice is better than one never told.
   */
  async sendOnce(key: string, command: SendSmsCommand): Promise<void> {
    if (await this.log.exists({ key, status: 'sent' })) {
      this.logger.log({ msg: 'sms already sent; not sent again', template: command.template, key });
      return;
    }
    await this.send(command, key);
  }
}
