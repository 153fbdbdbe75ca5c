import { Component, computed, inject, input, output, signal, viewChild } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { AuthApi, apiErrorMessage } from '@pilot/api-client';
import type { RequestSmsCodeRequest, SmsCodePurpose } from '@pilot/contracts';
import { CaptchaField, captchaAnswerControl, revealErrors } from '@pilot/web-shell';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { finalize } from 'rxjs';
import { SmsCountdown } from './sms-countdown';

export type SmsRecipient = Pick<RequestSmsCodeRequest, 'phone' | 'username'>;

/** Digits only; the platform's codes have six. */
export const SMS_CODE_PATTERN = /^\d{6}$/;

/**
 * 图形验证码 + 短信验证码: the captcha guards the sending of a code, then the code is typed in.
 * The form that holds it says who gets the code (`recipient`, null while its fields are not
 * filled in properly: it shows its own field errors then).
 */
@Component({
  selector: 'portal-sms-code-field',
  imports: [ReactiveFormsModule, CaptchaField, NzButtonModule, NzFormModule, NzInputModule],
  templateUrl: './sms-code-field.html',
  styleUrl: './sms-code-field.css',
})
export class SmsCodeField {
  private readonly auth = inject(AuthApi);

  /** The SMS code typed in. */
  readonly control = input.required<FormControl<string>>();
  readonly purpose = input.required<SmsCodePurpose>();
  readonly recipient = input.required<() => SmsRecipient | null>();
  /** The server's message when it would not send a code. */
  readonly failed = output<string>();
  readonly sent = output<void>();

  protected readonly captchaAnswer = captchaAnswerControl();
  private readonly captcha = viewChild.required(CaptchaField);
  protected readonly countdown = new SmsCountdown();
  protected readonly sending = signal(false);
  protected readonly buttonText = computed(() =>
    this.countdown.running() ? `${this.countdown.remaining()}秒后重新获取` : '获取验证码',
  );

  protected send(): void {
    const recipient = this.recipient()();
    const captchaId = this.captcha().captchaId();
    if (this.captchaAnswer.invalid || !captchaId) revealErrors([this.captchaAnswer]);
    if (!recipient || this.captchaAnswer.invalid || !captchaId) return;
    this.sending.set(true);
    this.auth
      .requestSmsCode({ ...recipient, purpose: this.purpose(), captchaId, captchaAnswer: this.captchaAnswer.value })
      .pipe(
        finalize(() => {
          this.sending.set(false);
          this.captcha().refresh();
        }),
      )
      .subscribe({
        next: () => {
          this.countdown.start();
          this.sent.emit();
        },
        error: (err: unknown) => this.failed.emit(apiErrorMessage(err)),
      });
  }
}
