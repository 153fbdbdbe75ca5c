import type { SmsMessage } from '@pilot/contracts';

const SIGNATURE = '【1+X证书试点申报平台】';
const PURPOSE_NAMES = { register: '注册账号', 'reset-password': '找回密码' } as const;

/** The text a phone receives for each message. */
export function renderSms(message: SmsMessage): string {
  switch (message.template) {
    case 'verification-code':
      return `${SIGNATURE}您正在${PURPOSE_NAMES[message.params.purpose]}，验证码为${message.params.code}，10分钟内有效。如非本人操作，请忽略本短信。`;
  }
}
