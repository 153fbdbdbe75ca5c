import { Component, DestroyRef, OnInit, inject, input, output, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { AuthApi, apiErrorMessage } from '@pilot/api-client';
import type { AuthSession, UserView } from '@pilot/contracts';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { finalize } from 'rxjs';
import { CaptchaField, captchaAnswerControl } from '../captcha-field/captcha-field';
import { revealErrors } from '../form-errors/reveal-errors';

/**
 * 登录: account, password and captcha, and the server's refusal above them. An account this side
 * of the platform does not serve (`accepts` says no) is signed out again at once and told
 * `refusal`. A captcha is spent by any attempt, so every attempt that stays here gets a new one,
 * and the password is emptied. The app's page frames it and decides where `signedIn` leads.
 * Its icons (user, lock) are the app's to register.
 */
@Component({
  selector: 'pilot-sign-in-form',
  imports: [ReactiveFormsModule, CaptchaField, NzAlertModule, NzButtonModule, NzFormModule, NzIconModule, NzInputModule],
  templateUrl: './sign-in-form.html',
  styleUrl: './sign-in-form.css',
})
export class SignInForm implements OnInit {
  private readonly auth = inject(AuthApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly captcha = viewChild.required(CaptchaField);

  /** Whether the signed-in user may stay on this side of the platform. */
  readonly accepts = input.required<(user: UserView) => boolean>();
  /** What a user `accepts` turns away is told (where to sign in instead). */
  readonly refusal = input.required<string>();
  readonly submitLabel = input('登录');
  readonly captchaLabel = input('图形验证码');
  /** The account filled in at the start (e.g. the one just registered); empty for none. */
  readonly initialUsername = input('');
  /** A user `accepts` took, signed in. */
  readonly signedIn = output<AuthSession>();

  protected readonly form = new FormGroup({
    username: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    captchaAnswer: captchaAnswerControl(),
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);

  ngOnInit(): void {
    const username = this.initialUsername().trim();
    if (username) this.form.controls.username.setValue(username);
  }

  protected submit(): void {
    if (this.submitting()) return;
    const captchaId = this.captcha().captchaId();
    if (this.form.invalid || !captchaId) {
      revealErrors(this.form);
      return;
    }
    const { username, password, captchaAnswer } = this.form.getRawValue();
    this.error.set(null);
    this.submitting.set(true);
    this.auth
      .login({ username: username.trim(), password, captchaId, captchaAnswer: captchaAnswer.trim() })
      .pipe(
        finalize(() => this.submitting.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (session) => this.admit(session),
        error: (err: unknown) => this.refuse(apiErrorMessage(err)),
      });
  }

  private admit(session: AuthSession): void {
    if (!this.accepts()(session.user)) {
      // The password was right, but not for this side: the session the server opened ends here.
      this.auth.logout().subscribe({ error: () => undefined });
      this.refuse(this.refusal());
      return;
    }
    this.signedIn.emit(session);
  }

  private refuse(message: string): void {
    this.error.set(message);
    this.form.controls.password.reset('');
    this.captcha().refresh();
  }
}
