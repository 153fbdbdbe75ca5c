import type { UserView } from './accounts';

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

/**
 * A code goes to `phone`; for a password reset the account name may be given instead, and
 * the code goes to the phone the account was registered with.
 */
/** The answer to a code request: accepted, with nothing to tell (not even whether the phone is known). */
export type SmsCodeAccepted = Record<string, never>;

export interface RequestSmsCodeRequest {
  phone?: string;
  username?: string;
  purpose: SmsCodePurpose;
  captchaId: string;
  captchaAnswer: string;
}

export interface RegisterRequest {
  provinceCode: string;
  collegeId: string;
  identificationCode: string;
  phone: string;
  smsCode: string;
}

/** Shown once: the initial password is also sent to the phone, and stored only as a hash. */
export interface RegisterResult {
  username: string;
  password: string;
  collegeName: string;
}

export interface LoginRequest {
  username: string;
  password: string;
  captchaId: string;
  captchaAnswer: string;
}

export interface RefreshRequest {
  refreshToken: string;
}

/** Exactly one of `phone` and `username` names the account. */
export interface PasswordResetRequest {
  phone?: string;
  username?: string;
  smsCode: string;
  newPassword: string;
}

export interface ChangePasswordRequest {
  oldPassword: string;
  newPassword: string;
}

export interface AuthSession {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
  user: UserView;
}
