import type { ApplicationReviewedSms, SmsMessage } from '@pilot/contracts';

const SIGNATURE = '【1+X证书试点申报平台】';
const PURPOSE_NAMES = { register: '注册账号', 'reset-password': '找回密码' } as const;
const LEVEL_NAMES = { city: '地市级', province: '省级' } as const;

/** The text a phone receives for each message. */
export function renderSms(message: SmsMessage): string {
  switch (message.template) {
    case 'verification-code':
      return `${SIGNATURE}您正在${PURPOSE_NAMES[message.params.purpose]}，验证码为${message.params.code}，10分钟内有效。如非本人操作，请忽略本短信。`;
    case 'account-created':
      return `${SIGNATURE}贵校账号已开通，账号：${message.params.username}，初始密码：${message.params.password}，请登录后及时修改密码。`;
    case 'application-reviewed':
      return `${SIGNATURE}贵校在“${message.params.planName}”中申报的“${message.params.certificateName}”试点${reviewOutcome(message.params)}，详情请登录平台查看。`;
    case 'registration-revoked':
      return `${SIGNATURE}您以本手机号注册的“${message.params.collegeName}”账号已被${message.params.departmentName}撤销，该账号已停用。如有疑问，请联系${message.params.departmentName}。`;
  }
}

/** The parameters a cloud provider's approved template takes: the same values, named the same. */
export function templateParams(message: SmsMessage): Record<string, string> {
  switch (message.template) {
    case 'verification-code':
      return { code: message.params.code };
    case 'account-created':
      return { username: message.params.username, password: message.params.password };
    case 'application-reviewed':
      // One approved template serves every decision, so the outcome travels as one phrase.
      return { planName: message.params.planName, certificateName: message.params.certificateName, result: reviewOutcome(message.params) };
    case 'registration-revoked':
      return { collegeName: message.params.collegeName, departmentName: message.params.departmentName };
  }
}

/** What was decided, in the words the SMS and the in-app message share: 已通过省级审核，批准培训人数30人. */
export function reviewOutcome({ level, decision, approvedTrainees }: Pick<ApplicationReviewedSms, 'level' | 'decision' | 'approvedTrainees'>): string {
  const levelName = LEVEL_NAMES[level];
  if (decision === 'reject') return `未通过${levelName}审核`;
  if (level === 'city') return `已通过${levelName}审核，待省级审核`;
  return approvedTrainees === undefined ? `已通过${levelName}审核` : `已通过${levelName}审核，批准培训人数${approvedTrainees}人`;
}
