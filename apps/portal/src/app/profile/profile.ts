import { Component, DestroyRef, OnInit, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { CollegeProfileApi, apiErrorMessage, fieldErrors } from '@pilot/api-client';
import type { CollegeProfileFields, CollegeProfileView } from '@pilot/contracts';
import { COLLEGE_TYPES } from '@pilot/contracts';
import { revealErrors } from '@pilot/web-shell';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { finalize } from 'rxjs';
import { DESCRIPTION_MAX, ProfileField, fieldTip, profileFields, profileForm } from './profile-form';

/** 第一步：完善院校基础信息. The directory's facts are shown; the rest the college fills in. */
@Component({
  selector: 'portal-profile',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    NzSelectModule,
  ],
  templateUrl: './profile.html',
  styleUrl: './profile.css',
})
export class ProfilePage implements OnInit {
  private readonly profiles = inject(CollegeProfileApi);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly collegeTypes = COLLEGE_TYPES;
  protected readonly descriptionMax = DESCRIPTION_MAX;
  protected readonly form = profileForm();
  protected readonly profile = signal<CollegeProfileView | null>(null);
  protected readonly loading = signal(true);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.profiles
      .get()
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (profile) => {
          this.profile.set(profile);
          this.form.patchValue(profile);
        },
        error: (err: unknown) => this.error.set(apiErrorMessage(err)),
      });
  }

  protected tip = (control: AbstractControl): string => {
    const entry = Object.entries(this.form.controls).find(([, c]) => c === control);
    return entry ? fieldTip(entry[0] as ProfileField, control.errors) : '';
  };

  protected save(): void {
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    const firstCompletion = !this.profile()?.complete;
    this.error.set(null);
    this.saving.set(true);
    this.profiles
      .save(profileFields(this.form))
      .pipe(
        finalize(() => this.saving.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (profile) => {
          this.profile.set(profile);
          this.message.success('基础信息已保存');
          if (firstCompletion) void this.router.navigateByUrl('/workspace');
        },
        error: (err: unknown) => {
          this.error.set(apiErrorMessage(err));
          this.showFieldErrors(fieldErrors(err));
        },
      });
  }

  private showFieldErrors(errors: Record<string, string[]>): void {
    const controls = this.form.controls as Record<keyof CollegeProfileFields, AbstractControl>;
    for (const [name, messages] of Object.entries(errors)) {
      const control = controls[name as ProfileField];
      if (!control || messages.length === 0) continue;
      control.setErrors({ ...control.errors, server: messages[0] });
      control.markAsDirty();
    }
  }
}
