import { Controller, Inject } from '@nestjs/common';
import { PlatformError, RpcPatterns, type SendSmsCommand } from '@pilot/contracts';
import { OnRequest } from '@pilot/messaging';
import { DevSmsProvider } from './dev-sms.provider';
import { SMS_OPTIONS, type SmsOptions } from './sms.options';
import { SmsService } from './sms.service';

@Controller()
export class SmsHandlers {
  constructor(
    private readonly sms: SmsService,
    private readonly devInbox: DevSmsProvider,
    @Inject(SMS_OPTIONS) private readonly options: SmsOptions,
  ) {}

  @OnRequest(RpcPatterns.notifications.sendSms)
  send(command: SendSmsCommand) {
    return this.sms.send(command);
  }

  /** Only answers with the development tools on, whatever the gateway does. */
  @OnRequest(RpcPatterns.notifications.listDevSms)
  listDevSms({ phone }: { phone: string }) {
    if (!this.options.devTools) throw new PlatformError('NOT_FOUND');
    return this.devInbox.list(phone);
  }
}
