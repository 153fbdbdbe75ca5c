import { AbstractControl, ValidationErrors } from '@angular/forms';
import { isStrongPassword } from '@pilot/contracts';

/** The contracts' strength rule as a form validator (`weak` when it fails). */
export function strongPassword(control: AbstractControl<string>): ValidationErrors | null {
  return !control.value || isStrongPassword(control.value) ? null : { weak: true };
}

/** Valid when the control holds the same text as `other` (`mismatch` otherwise). */
export function sameAs(other: () => AbstractControl<string>) {
  return (control: AbstractControl<string>): ValidationErrors | null =>
    !control.value || control.value === other().value ? null : { mismatch: true };
}
