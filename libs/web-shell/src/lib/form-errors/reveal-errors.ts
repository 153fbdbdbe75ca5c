import { AbstractControl, FormGroup } from '@angular/forms';

/**
 * Shows the errors of a form that was submitted incomplete: every control (a group's own, or
 * the ones given) is marked dirty and validated again. Validating again emits, which is what
 * makes ng-zorro's form items show their tips; it also reaches the parent group, so errors the
 * server set earlier and that are now cleared no longer keep the whole form invalid.
 */
export function revealErrors(controls: FormGroup | readonly AbstractControl[]): void {
  for (const control of controls instanceof FormGroup ? Object.values(controls.controls) : controls) {
    control.markAsDirty();
    control.updateValueAndValidity();
  }
}
