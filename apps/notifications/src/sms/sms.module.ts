import { DynamicModule, Module } from '@nestjs/common';
import { StoreModule } from '@pilot/store';
import { AliyunSmsProvider } from './aliyun-sms.provider';
import { DevSmsProvider } from './dev-sms.provider';
import { DevSms, DevSmsSchema } from './dev-sms.schema';
import { SmsLog, SmsLogSchema } from './sms-log.schema';
import { SMS_PROVIDER } from './sms-provider';
import { SmsHandlers } from './sms.handlers';
import { SMS_OPTIONS, type SmsOptions } from './sms.options';
import { SmsService } from './sms.service';

/** Sending SMS. The development provider keeps messages in an inbox instead of sending them. */
@Module({})
export class SmsModule {
  static register(options: SmsOptions): DynamicModule {
    // Global: review results go out by SMS as well as in the platform.
    return {
      module: SmsModule,
      global: true,
      imports: [
        StoreModule.forFeature([
          { name: SmsLog.name, schema: SmsLogSchema },
          { name: DevSms.name, schema: DevSmsSchema },
        ]),
      ],
      controllers: [SmsHandlers],
      providers: [
        { provide: SMS_OPTIONS, useValue: options },
        DevSmsProvider,
        options.provider === 'aliyun'
          ? { provide: SMS_PROVIDER, useValue: new AliyunSmsProvider(options.aliyun) }
          : { provide: SMS_PROVIDER, useExisting: DevSmsProvider },
        SmsService,
      ],
      exports: [SmsService],
    };
  }
}
