import { Component, inject, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { AuthApi, apiErrorMessage } from '@pilot/api-client';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { finalize } from 'rxjs';
import { revealErrors } from '../form-errors/reveal-errors';
import { NewPasswordFields, newPasswordControls } from '../new-password-fields/new-password-fields';

/** 修改密码: the old password, then the new one twice. Emits `changed` once the server took it. */
@Component({
  selector: 'pilot-change-password-form',
  imports: [ReactiveFormsModule, NewPasswordFields, NzAlertModule, NzButtonModule, NzFormModule, NzInputModule],
  templateUrl: './change-password-form.html',
  styleUrl: './change-password-form.css',
})
export class ChangePasswordForm {
  private readonly auth = inject(AuthApi);

  readonly changed = output<void>();

  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly form = new FormGroup({
    oldPassword: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    ...newPasswordControls(),
  });

  protected submit(): void {
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    const { oldPassword, newPassword } = this.form.getRawValue();
    this.error.set(null);
    this.submitting.set(true);
    this.auth
      .changePassword({ oldPassword, newPassword })
      .pipe(finalize(() => this.submitting.set(false)))
      .subscribe({
        next: () => {
          this.form.reset();
          this.changed.emit();
        },
        error: (err: unknown) => this.error.set(apiErrorMessage(err)),
      });
  }
}
