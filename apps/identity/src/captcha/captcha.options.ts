export const CAPTCHA_OPTIONS = Symbol('CAPTCHA_OPTIONS');

export interface CaptchaOptions {
  devTools: boolean;
}
