import { IsIn, IsNotEmpty, IsOptional, IsUrl, MinLength, Validate, ValidateIf, ValidatorConstraint, type ValidationArguments, type ValidatorConstraintInterface } from 'class-validator';
import { StoreServiceConfig } from '@pilot/runtime';
import type { SmsOptions } from './sms/sms.options';

@ValidatorConstraint({ name: 'devProviderOutsideProduction' })
class DevProviderOutsideProduction implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    return value !== 'dev' || (args.object as NotificationsConfig).NODE_ENV !== 'production';
  }

  defaultMessage(): string {
    return 'SMS_PROVIDER=dev keeps messages instead of sending them: it is refused when NODE_ENV=production';
  }
}

export class NotificationsConfig extends StoreServiceConfig {
  /** `dev` keeps messages in an inbox (never in production); `aliyun` sends them. */
  @IsIn(['dev', 'aliyun'])
  @Validate(DevProviderOutsideProduction)
  SMS_PROVIDER: 'dev' | 'aliyun' = 'dev';

  @ValidateIf((config: NotificationsConfig) => config.SMS_PROVIDER === 'aliyun')
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  ALIYUN_SMS_ENDPOINT = 'https://dysmsapi.aliyuncs.com/';

  @ValidateIf((config: NotificationsConfig) => config.SMS_PROVIDER === 'aliyun')
  @IsNotEmpty({ message: 'ALIYUN_SMS_ACCESS_KEY_ID is required with SMS_PROVIDER=aliyun' })
  ALIYUN_SMS_ACCESS_KEY_ID = '';

  @ValidateIf((config: NotificationsConfig) => config.SMS_PROVIDER === 'aliyun')
  @IsNotEmpty({ message: 'ALIYUN_SMS_ACCESS_KEY_SECRET is required with SMS_PROVIDER=aliyun' })
  ALIYUN_SMS_ACCESS_KEY_SECRET = '';

  @ValidateIf((config: NotificationsConfig) => config.SMS_PROVIDER === 'aliyun')
  @IsNotEmpty({ message: 'ALIYUN_SMS_SIGN_NAME is required with SMS_PROVIDER=aliyun' })
  ALIYUN_SMS_SIGN_NAME = '';

  /** The approved template of the verification-code SMS (its one parameter is `code`). */
  @ValidateIf((config: NotificationsConfig) => config.SMS_PROVIDER === 'aliyun')
  @IsNotEmpty({ message: 'ALIYUN_SMS_TEMPLATE_VERIFICATION_CODE is required with SMS_PROVIDER=aliyun' })
  ALIYUN_SMS_TEMPLATE_VERIFICATION_CODE = '';

  /** The approved template of the new-account SMS (parameters `username` and `password`). */
  @ValidateIf((config: NotificationsConfig) => config.SMS_PROVIDER === 'aliyun')
  @IsNotEmpty({ message: 'ALIYUN_SMS_TEMPLATE_ACCOUNT_CREATED is required with SMS_PROVIDER=aliyun' })
  ALIYUN_SMS_TEMPLATE_ACCOUNT_CREATED = '';

  /** The approved template of the review-result SMS (parameters `planName`, `certificateName` and `result`). */
  @ValidateIf((config: NotificationsConfig) => config.SMS_PROVIDER === 'aliyun')
  @IsNotEmpty({ message: 'ALIYUN_SMS_TEMPLATE_APPLICATION_REVIEWED is required with SMS_PROVIDER=aliyun' })
  ALIYUN_SMS_TEMPLATE_APPLICATION_REVIEWED = '';

  /** The approved template of the SMS telling a registrant the registration was revoked (parameters `collegeName` and `departmentName`). */
  @ValidateIf((config: NotificationsConfig) => config.SMS_PROVIDER === 'aliyun')
  @IsNotEmpty({ message: 'ALIYUN_SMS_TEMPLATE_REGISTRATION_REVOKED is required with SMS_PROVIDER=aliyun' })
  ALIYUN_SMS_TEMPLATE_REGISTRATION_REVOKED = '';

  /**
   * The development inbox seals password messages under a key held only in memory. Replicas of
   * one run share it through this setting; without it each process has a random key of its own.
   */
  @IsOptional()
  @MinLength(16, { message: 'DEV_INBOX_KEY must have at least 16 characters' })
  DEV_INBOX_KEY?: string;

  smsOptions(): SmsOptions {
    const devTools = this.DEV_TOOLS === '1';
    if (this.SMS_PROVIDER === 'dev') return { provider: 'dev', devTools, devInboxKey: this.DEV_INBOX_KEY };
    return {
      provider: 'aliyun',
      devTools,
      aliyun: {
        endpoint: this.ALIYUN_SMS_ENDPOINT,
        accessKeyId: this.ALIYUN_SMS_ACCESS_KEY_ID,
        accessKeySecret: this.ALIYUN_SMS_ACCESS_KEY_SECRET,
        signName: this.ALIYUN_SMS_SIGN_NAME,
        templateCodes: {
          'verification-code': this.ALIYUN_SMS_TEMPLATE_VERIFICATION_CODE,
          'account-created': this.ALIYUN_SMS_TEMPLATE_ACCOUNT_CREATED,
          'application-reviewed': this.ALIYUN_SMS_TEMPLATE_APPLICATION_REVIEWED,
          'registration-revoked': this.ALIYUN_SMS_TEMPLATE_REGISTRATION_REVOKED,
        },
      },
    };
  }
}
