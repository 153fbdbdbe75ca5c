import type { SmsMessage } from '@pilot/contracts';

const SIGNATURE = '【1+X证书试点申报平台】';
const PURPOSE_NAMES = { register: '注册账号', 'reset-password': '找回密码' } as const;

/** The text a phone receives for each message. */
export function renderSms(message: SmsMessage): string {
  switch (message.template) {
    case 'verification-code':
      return `${SIGNATURE}您正在${PURPOSE_NAMES[message.params.purpose]}，验证码为${message.params.code}，10分钟内有效。如非本人操作，请忽略本短信。`;
    case 'account-created':
      return `${SIGNATURE}贵校账号已开通，账号：${message.params.username}，初始密码：${message.params.password}，请登录后及时修改密码。`;
  }
}

/** The parameters a cloud provider's approved template takes: the same values, named the same. */
export function templateParams(message: SmsMessage): Record<string, string> {
  switch (message.template) {
    case 'verification-code':
      return { code: message.params.code };
    case 'account-created':
      return { username: message.params.username, password: message.params.password };
  }
}
