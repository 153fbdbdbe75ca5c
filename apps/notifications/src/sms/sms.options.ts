import type { AliyunSmsSettings } from './aliyun-sms.provider';

export const SMS_OPTIONS = Symbol('SMS_OPTIONS');

export type SmsOptions = { devTools: boolean } & ({ provider: 'dev'; devInboxKey?: string } | { provider: 'aliyun'; aliyun: AliyunSmsSettings });
