import { Component, DestroyRef, OnInit, inject, input, model, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { RegionsApi, ReviewersApi, apiErrorMessage, fieldErrors } from '@pilot/api-client';
import {
  MAINLAND_MOBILE,
  PASSWORD_RULE,
  REVIEWER_ROLES,
  REVIEWER_USERNAME,
  type CityView,
  type CreateReviewerRequest,
  type ProvinceView,
  type ReviewerRole,
  type ReviewerView,
} from '@pilot/contracts';
import { revealErrors, strongPassword } from '@pilot/web-shell';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { EMPTY, catchError, distinctUntilChanged, finalize, switchMap, tap } from 'rxjs';
import { generateInitialPassword } from './initial-password';
import { REVIEWER_ROLE_LABELS } from './reviewer-roles';

/** A new account and the initial password the administrator has to hand over. */
export interface CreatedReviewer {
  reviewer: ReviewerView;
  password: string;
}

const TIPS = {
  username: { default: { required: '请输入账号', pattern: '账号须以字母开头，由4-32位字母、数字或下划线组成' } },
  displayName: { default: { required: '请输入姓名', maxlength: '姓名不能超过50个字' } },
  provinceCode: { default: { required: '请选择省份' } },
  cityCode: { default: { required: '请选择地市' } },
  phone: { default: { required: '请输入手机号', pattern: '请输入以1开头的11位手机号' } },
  password: { default: { required: '请输入初始密码', weak: PASSWORD_RULE } },
};

/** 新建审核员: the account, its role and scope, and an initial password the reviewer must change. */
@Component({
  selector: 'console-new-reviewer-dialog',
  imports: [
    ReactiveFormsModule,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzRadioModule,
    NzSelectModule,
  ],
  templateUrl: './new-reviewer-dialog.html',
  styleUrl: './new-reviewer-dialog.css',
})
export class NewReviewerDialog implements OnInit {
  private readonly reviewers = inject(ReviewersApi);
  private readonly regions = inject(RegionsApi);
  private readonly destroyRef = inject(DestroyRef);

  readonly visible = model(false);
  readonly provinces = input.required<ProvinceView[]>();
  readonly created = output<CreatedReviewer>();

  protected readonly tips = TIPS;
  protected readonly passwordRule = PASSWORD_RULE;
  protected readonly roles = REVIEWER_ROLES.map((role) => ({ role, label: REVIEWER_ROLE_LABELS[role] }));

  protected readonly form = new FormGroup({
    username: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(REVIEWER_USERNAME)],
    }),
    displayName: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(50)] }),
    role: new FormControl<ReviewerRole>('province_reviewer', { nonNullable: true }),
    provinceCode: new FormControl<string | null>(null, Validators.required),
    cityCode: new FormControl<string | null>({ value: null, disabled: true }, Validators.required),
    phone: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(MAINLAND_MOBILE)] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required, strongPassword] }),
  });

  protected readonly cityReviewer = signal(false);
  protected readonly cities = signal<CityView[]>([]);
  protected readonly citiesLoading = signal(false);
  protected readonly passwordShown = signal(false);
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly errorDetails = signal<string[]>([]);

  ngOnInit(): void {
    const { role, provinceCode, cityCode } = this.form.controls;
    // Showing a form's errors re-validates every control, which emits their values again: only a
    // real change of role or province may touch the city.
    role.valueChanges.pipe(distinctUntilChanged(), takeUntilDestroyed(this.destroyRef)).subscribe((value) => {
      this.cityReviewer.set(value === 'city_reviewer');
      this.updateCityState();
    });
    provinceCode.valueChanges
      .pipe(
        distinctUntilChanged(),
        tap(() => {
          cityCode.reset(null);
          this.cities.set([]);
          this.updateCityState();
        }),
        switchMap((code) => {
          if (!code) return EMPTY;
          this.citiesLoading.set(true);
          return this.regions.cities(code).pipe(
            catchError((err: unknown) => {
              this.error.set(apiErrorMessage(err));
              return EMPTY;
            }),
            finalize(() => this.citiesLoading.set(false)),
          );
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((cities) => this.cities.set(cities));
  }

  protected generatePassword(): void {
    this.form.controls.password.setValue(generateInitialPassword());
    this.form.controls.password.markAsDirty();
    this.passwordShown.set(true);
  }

  protected togglePassword(): void {
    this.passwordShown.update((shown) => !shown);
  }

  protected cancel(): void {
    this.visible.set(false);
    this.clearError();
  }

  protected submit(): void {
    if (this.submitting()) return;
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    const request = this.request();
    this.submitting.set(true);
    this.clearError();
    this.reviewers
      .create(request)
      .pipe(
        finalize(() => this.submitting.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (reviewer) => {
          this.created.emit({ reviewer, password: request.password });
          this.visible.set(false);
          this.reset();
        },
        error: (err: unknown) => {
          this.error.set(apiErrorMessage(err));
          this.errorDetails.set(this.showFieldErrors(fieldErrors(err)));
        },
      });
  }

  /**
   * VALIDATION_FAILED names the fields the server refused: each message goes under its field
   * (in ng-zorro's per-locale error form, which its auto tips show); the rest are returned.
   */
  private showFieldErrors(fields: Record<string, string[]>): string[] {
    const controls: Record<string, AbstractControl> = this.form.controls;
    const elsewhere: string[] = [];
    for (const [name, messages] of Object.entries(fields)) {
      const control = controls[name];
      if (!control || control.disabled || messages.length === 0) {
        elsewhere.push(...messages);
        continue;
      }
      control.setErrors({ ...control.errors, server: { 'zh-cn': messages[0] } });
      control.markAsDirty();
    }
    return elsewhere;
  }

  private request(): CreateReviewerRequest {
    const value = this.form.getRawValue();
    return {
      username: value.username.trim(),
      displayName: value.displayName.trim(),
      role: value.role,
      provinceCode: value.provinceCode ?? '',
      ...(value.role === 'city_reviewer' && value.cityCode ? { cityCode: value.cityCode } : {}),
      phone: value.phone.trim(),
      password: value.password,
    };
  }

  /** Only a city reviewer has a city, and it can be picked once the province is known. */
  private updateCityState(): void {
    const { role, provinceCode, cityCode } = this.form.controls;
    if (role.value === 'city_reviewer' && provinceCode.value) cityCode.enable({ emitEvent: false });
    else cityCode.disable({ emitEvent: false });
  }

  private reset(): void {
    this.form.reset();
    this.passwordShown.set(false);
  }

  private clearError(): void {
    this.error.set(null);
    this.errorDetails.set([]);
  }
}

