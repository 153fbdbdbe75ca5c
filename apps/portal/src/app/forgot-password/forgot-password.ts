import { Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { AuthApi, apiErrorMessage } from '@pilot/api-client';
import { MAINLAND_MOBILE, PasswordResetRequest } from '@pilot/contracts';
import { NewPasswordFields, newPasswordControls, revealErrors } from '@pilot/web-shell';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzResultModule } from 'ng-zorro-antd/result';
import { finalize } from 'rxjs';
import { MobileField } from '../sms-code/mobile-field';
import { SMS_CODE_PATTERN, SmsCodeField, SmsRecipient } from '../sms-code/sms-code-field';

type FindBy = 'username' | 'phone';

/** 忘记密码: a code sent to the account's phone lets the college set a new password. */
@Component({
  selector: 'portal-forgot-password',
  imports: [
    MobileField,
    ReactiveFormsModule,
    RouterLink,
    NewPasswordFields,
    SmsCodeField,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    NzRadioModule,
    NzResultModule,
  ],
  templateUrl: './forgot-password.html',
  styleUrl: './forgot-password.css',
})
export class ForgotPasswordPage {
  private readonly auth = inject(AuthApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly form = new FormGroup({
    findBy: new FormControl<FindBy>('username', { nonNullable: true }),
    username: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(32)] }),
    phone: new FormControl(
      { value: '', disabled: true },
      { nonNullable: true, validators: [Validators.required, Validators.pattern(MAINLAND_MOBILE)] },
    ),
    smsCode: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(SMS_CODE_PATTERN)] }),
    ...newPasswordControls(),
  });

  protected readonly findBy = signal<FindBy>('username');
  protected readonly error = signal<string | null>(null);
  protected readonly smsSent = signal(false);
  protected readonly submitting = signal(false);
  /** Set once the new password is in place; the account name, when the college gave it. */
  protected readonly done = signal<{ username?: string } | null>(null);

  protected readonly smsRecipient = (): SmsRecipient | null => {
    const control = this.identityControl();
    if (control.invalid) {
      revealErrors([control]);
      return null;
    }
    return this.identity();
  };

  constructor() {
    this.form.controls.findBy.valueChanges.pipe(takeUntilDestroyed()).subscribe((findBy) => {
      const { username, phone } = this.form.controls;
      (findBy === 'username' ? username : phone).enable();
      (findBy === 'username' ? phone : username).disable();
      this.findBy.set(findBy);
      this.smsSent.set(false);
      this.error.set(null);
    });
  }

  protected smsFailed(message: string): void {
    this.smsSent.set(false);
    this.error.set(message);
  }

  protected submit(): void {
    if (this.form.invalid) {
      // Not findBy: its value changing would switch the form over.
      const { username, phone, smsCode, newPassword, confirmPassword } = this.form.controls;
      revealErrors([username, phone, smsCode, newPassword, confirmPassword]);
      return;
    }
    const { smsCode, newPassword } = this.form.getRawValue();
    const request: PasswordResetRequest = { ...this.identity(), smsCode, newPassword };
    this.error.set(null);
    this.submitting.set(true);
    this.auth
      .resetPassword(request)
      .pipe(
        finalize(() => this.submitting.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => this.done.set({ username: request.username }),
        error: (err: unknown) => this.error.set(apiErrorMessage(err)),
      });
  }

  private identityControl(): FormControl<string> {
    return this.findBy() === 'username' ? this.form.controls.username : this.form.controls.phone;
  }

  private identity(): SmsRecipient {
    const value = this.identityControl().value.trim();
    return this.findBy() === 'username' ? { username: value } : { phone: value };
  }
}
