import { Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { PASSWORD_RULE } from '@pilot/contracts';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { sameAs, strongPassword } from './password-validators';

/** The two controls `pilot-new-password-fields` shows: the new password and the same again. */
export interface NewPasswordControls {
  newPassword: FormControl<string>;
  confirmPassword: FormControl<string>;
}

/**
 * A new password (required, strong enough) and its confirmation (required, the same), the
 * confirmation checked again whenever the password changes. Spread into the form's group.
 */
export function newPasswordControls(): NewPasswordControls {
  const newPassword = new FormControl('', { nonNullable: true, validators: [Validators.required, strongPassword] });
  const confirmPassword = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, sameAs(() => newPassword)],
  });
  newPassword.valueChanges.subscribe(() => confirmPassword.updateValueAndValidity());
  return { newPassword, confirmPassword };
}

/** 新密码 + 确认新密码, with the password rule under the first; the controls come from `newPasswordControls()`. */
@Component({
  selector: 'pilot-new-password-fields',
  imports: [ReactiveFormsModule, NzFormModule, NzInputModule],
  templateUrl: './new-password-fields.html',
})
export class NewPasswordFields {
  readonly newPassword = input.required<FormControl<string>>();
  readonly confirmPassword = input.required<FormControl<string>>();

  protected readonly rule = PASSWORD_RULE;
}
