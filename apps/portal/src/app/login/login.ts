import { Component, DestroyRef, OnInit, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { AuthApi, apiErrorMessage } from '@pilot/api-client';
import type { AuthSession } from '@pilot/contracts';
import { CaptchaField, captchaAnswerControl } from '@pilot/web-shell';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { finalize } from 'rxjs';
import { nextPageFor } from '../session/next-page';

export const NOT_A_COLLEGE_ACCOUNT = '该账号不是院校账号，请在审核端登录';

/** 试点院校登录 (1.1.1): account, password and captcha; colleges only. */
@Component({
  selector: 'portal-login',
  imports: [ReactiveFormsModule, RouterLink, CaptchaField, NzAlertModule, NzButtonModule, NzFormModule, NzInputModule],
  templateUrl: './login.html',
  styleUrl: './login.css',
})
export class LoginPage implements OnInit {
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

  ngOnInit(): void {
    const username = this.route.snapshot.queryParamMap.get('username');
    if (username) this.form.controls.username.setValue(username.trim());
  }

  protected submit(): void {
    const captchaId = this.captcha().captchaId();
    if (this.form.invalid || !captchaId) {
      for (const control of Object.values(this.form.controls)) {
        control.markAsDirty();
        control.updateValueAndValidity();
      }
      return;
    }
    const { username, password, captchaAnswer } = this.form.getRawValue();
    this.error.set(null);
    this.submitting.set(true);
    this.auth
      .login({ username: username.trim(), password, captchaId, captchaAnswer })
      .pipe(
        finalize(() => this.submitting.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (session) => this.signedIn(session),
        error: (err: unknown) => this.failed(apiErrorMessage(err)),
      });
  }

  private signedIn({ user }: AuthSession): void {
    if (user.role !== 'college') {
      this.auth.logout().subscribe({ error: () => undefined });
      this.failed(NOT_A_COLLEGE_ACCOUNT);
      return;
    }
    void this.router.navigateByUrl(nextPageFor(user));
  }

  private failed(message: string): void {
    this.error.set(message);
    this.form.controls.password.reset('');
    this.captcha().refresh();
  }
}
