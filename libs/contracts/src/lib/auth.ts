export interface CaptchaView {
  captchaId: string;
  /** The picture, as an SVG document. */
  svg: string;
}

/** Only with the development tools on: the answer, so that automated tests can get past a captcha. */
export interface CaptchaAnswerView {
  captchaId: string;
  answer: string;
}

export const SMS_CODE_PURPOSES = ['register', 'reset-password'] as const;
export type SmsCodePurpose = (typeof SMS_CODE_PURPOSES)[number];

export interface RequestSmsCodeRequest {
  phone: string;
  purpose: SmsCodePurpose;
  captchaId: string;
  captchaAnswer: string;
}
