import { Component, DestroyRef, OnInit, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { AuthApi } from '@pilot/api-client';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { Subscription } from 'rxjs';

/** The control a caller hands to `pilot-captcha-field`: the answer, required. */
export function captchaAnswerControl(): FormControl<string> {
  return new FormControl('', { nonNullable: true, validators: [Validators.required] });
}

/**
 * 图形验证码: the answer box and the picture. A captcha can be used once only, so whoever
 * sends `captchaId()` with the answer must call `refresh()` after the server has answered,
 * whether it accepted the answer or not.
 */
@Component({
  selector: 'pilot-captcha-field',
  imports: [ReactiveFormsModule, NzFormModule, NzInputModule],
  templateUrl: './captcha-field.html',
  styleUrl: './captcha-field.css',
})
export class CaptchaField implements OnInit {
  private readonly auth = inject(AuthApi);
  private readonly destroyRef = inject(DestroyRef);

  readonly control = input.required<FormControl<string>>();
  /** The form label; empty for none (a placeholder then says what to type). */
  readonly label = input('图形验证码');

  private readonly id = signal<string | null>(null);
  readonly captchaId = this.id.asReadonly();
  protected readonly imageUrl = signal<string | null>(null);
  protected readonly failed = signal(false);
  private loading: Subscription | null = null;

  ngOnInit(): void {
    this.refresh();
  }

  /** A new picture, and the answer box emptied. */
  refresh(): void {
    this.loading?.unsubscribe();
    this.control().reset('');
    this.failed.set(false);
    this.loading = this.auth
      .captcha()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: ({ captchaId, svg }) => {
          this.id.set(captchaId);
          this.imageUrl.set(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
        },
        error: () => {
          this.id.set(null);
          this.imageUrl.set(null);
          this.failed.set(true);
        },
      });
  }
}
