import { Component, DestroyRef, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { AuthApi, apiErrorMessage } from '@pilot/api-client';
import type { AuthSession } from '@pilot/contracts';
import { CaptchaField, captchaAnswerControl } from '@pilot/web-shell';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { finalize } from 'rxjs';
import { COLLEGE_USES_PORTAL, isConsoleUser } from '../session/console-user';

/** 审核端登录: administrators and reviewers only; colleges sign in on the portal. */
@Component({
  selector: 'console-login',
  imports: [ReactiveFormsModule, CaptchaField, NzAlertModule, NzButtonModule, NzFormModule, NzIconModule, NzInputModule],
  templateUrl: './login.html',
  styleUrl: './login.css',
})
export class LoginPage {
  private readonly auth = inject(AuthApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);
  private readonly captcha = viewChild.required(CaptchaField);

  protected readonly form = new FormGroup({
    username: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    captchaAnswer: captchaAnswerControl(),
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);

  /** A captcha is spent by any attempt, so every attempt that stays on this page gets a new one. */
  protected submit(): void {
    if (this.submitting()) return;
    const captchaId = this.captcha().captchaId();
    if (this.form.invalid || !captchaId) {
      for (const control of Object.values(this.form.controls)) {
        control.markAsDirty();
        control.updateValueAndValidity({ onlySelf: true });
      }
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
        next: (session) => this.enter(session),
        error: (err: unknown) => {
          this.error.set(apiErrorMessage(err));
          this.captcha().refresh();
        },
      });
  }

  private enter(session: AuthSession): void {
    if (!isConsoleUser(session.user)) {
      this.auth.logout().subscribe({ error: () => undefined });
      this.error.set(COLLEGE_USES_PORTAL);
      this.captcha().refresh();
      return;
    }
    if (session.user.mustChangePassword) {
      void this.router.navigate(['/change-password']);
      return;
    }
    const returnUrl = this.route.snapshot.queryParamMap.get('returnUrl');
    void this.router.navigateByUrl(returnUrl?.startsWith('/') ? returnUrl : '/');
  }
}
