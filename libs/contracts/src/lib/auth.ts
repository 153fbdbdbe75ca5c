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
