import { Component, DestroyRef, OnInit, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { AuthApi, RegionsApi, apiErrorMessage, isApiError } from '@pilot/api-client';
import type { CollegeDirectoryEntryView, CollegeDirectoryPage, ProvinceView, RegisterResult } from '@pilot/contracts';
import { MAINLAND_MOBILE, maskPhone } from '@pilot/contracts';
import { revealErrors } from '@pilot/web-shell';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSelectModule } from 'ng-zorro-antd/select';
import {
  EMPTY,
  Observable,
  Subject,
  Subscription,
  catchError,
  debounceTime,
  distinctUntilChanged,
  finalize,
  map,
  startWith,
  switchMap,
} from 'rxjs';
import { MobileField } from '../sms-code/mobile-field';
import { SMS_CODE_PATTERN, SmsCodeField, SmsRecipient } from '../sms-code/sms-code-field';

/** How long typing must pause before the college directory is searched. */
export const COLLEGE_SEARCH_DEBOUNCE_MS = 300;
const COLLEGE_PAGE_SIZE = 20;

interface CollegeQuery {
  provinceCode: string;
  q: string;
  page: number;
  total: number;
}

/** The one time the initial password is shown; kept in this page's memory only. */
interface Registered extends RegisterResult {
  phoneMasked: string;
}

/**
 * 1.1.2 注册账号: pick the province and the college from the directory, type the college's
 * identification code (which the directory never shows: it is the college's proof), then the
 * phone and the code sent to it. The account and its initial password are shown once, here.
 */
@Component({
  selector: 'portal-register',
  imports: [
    MobileField,
    ReactiveFormsModule,
    RouterLink,
    SmsCodeField,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    NzResultModule,
    NzSelectModule,
  ],
  templateUrl: './register.html',
  styleUrl: './register.css',
})
export class RegisterPage implements OnInit {
  private readonly regions = inject(RegionsApi);
  private readonly auth = inject(AuthApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly form = new FormGroup({
    provinceCode: new FormControl<string | null>(null, Validators.required),
    collegeId: new FormControl<string | null>({ value: null, disabled: true }, Validators.required),
    identificationCode: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/^\d{10}$/)],
    }),
    phone: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(MAINLAND_MOBILE)],
    }),
    smsCode: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(SMS_CODE_PATTERN)],
    }),
  });

  protected readonly provinces = signal<ProvinceView[]>([]);
  protected readonly provincesLoading = signal(false);
  protected readonly colleges = signal<CollegeDirectoryEntryView[]>([]);
  protected readonly collegesLoading = signal(false);
  protected readonly selectedProvinceCode = signal<string | null>(null);
  protected readonly selectedCollegeId = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  /** The last registration was refused because the college already has an account. */
  protected readonly alreadyRegistered = signal(false);
  protected readonly smsSent = signal(false);
  protected readonly submitting = signal(false);
  protected readonly registered = signal<Registered | null>(null);

  /** The phone the code goes to, once it is a valid mobile number. */
  protected readonly smsRecipient = (): SmsRecipient | null => {
    const phone = this.form.controls.phone;
    if (phone.invalid) {
      revealErrors([phone]);
      return null;
    }
    return { phone: phone.value };
  };

  protected readonly selectedProvince = computed(
    () => this.provinces().find((p) => p.code === this.selectedProvinceCode()) ?? null,
  );
  /** Remembered apart from the option list, which changes with every search. */
  private readonly pickedCollege = signal<CollegeDirectoryEntryView | null>(null);
  protected readonly selectedCollege = computed(() =>
    this.pickedCollege()?.id === this.selectedCollegeId() ? this.pickedCollege() : null,
  );

  private readonly collegeSearch$ = new Subject<string>();
  private collegeQuery: CollegeQuery | null = null;
  private loadMore: Subscription | null = null;
  private directoryError: string | null = null;

  ngOnInit(): void {
    this.loadProvinces();

    const province = this.form.controls.provinceCode;
    const college = this.form.controls.collegeId;

    province.valueChanges
      .pipe(
        startWith(province.value),
        distinctUntilChanged(),
        switchMap((code) => {
          this.selectedProvinceCode.set(code);
          this.resetColleges();
          college.reset(null);
          if (!code) {
            college.disable();
            return EMPTY;
          }
          college.enable();
          return this.collegeSearch$.pipe(
            debounceTime(COLLEGE_SEARCH_DEBOUNCE_MS),
            map((q) => q.trim()),
            startWith(''),
            distinctUntilChanged(),
            switchMap((q) => this.fetchColleges(code, q, 1)),
          );
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((page) => {
        this.colleges.set(page.items);
      });

    college.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((id) => {
      this.selectedCollegeId.set(id);
      const picked = this.colleges().find((c) => c.id === id);
      if (picked) this.pickedCollege.set(picked);
    });
  }

  protected onCollegeSearch(q: string): void {
    this.collegeSearch$.next(q);
  }

  /** The dropdown scrolled to its end: fetch the next page of the current search, if any. */
  protected onCollegeScrollToBottom(): void {
    const query = this.collegeQuery;
    if (!query || this.collegesLoading() || this.colleges().length >= query.total) return;
    this.loadMore = this.fetchColleges(query.provinceCode, query.q, query.page + 1).subscribe((page) => {
      const known = new Set(this.colleges().map((c) => c.id));
      this.colleges.update((list) => [...list, ...page.items.filter((c) => !known.has(c.id))]);
    });
  }

  protected dismissError(): void {
    this.error.set(null);
    this.alreadyRegistered.set(false);
  }

  protected showError(message: string): void {
    this.alreadyRegistered.set(false);
    this.error.set(message);
  }

  protected submit(): void {
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    const { provinceCode, collegeId, identificationCode, phone, smsCode } = this.form.getRawValue();
    this.dismissError();
    this.submitting.set(true);
    this.auth
      .register({ provinceCode: provinceCode ?? '', collegeId: collegeId ?? '', identificationCode, phone, smsCode })
      .pipe(
        finalize(() => this.submitting.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (result) => this.registered.set({ ...result, phoneMasked: maskPhone(phone) }),
        error: (err: unknown) => {
          this.showError(apiErrorMessage(err));
          this.alreadyRegistered.set(isApiError(err) && err.code === 'COLLEGE_ALREADY_REGISTERED');
          // Shown at the field too, where the college types it again; typing clears it.
          if (isApiError(err) && err.code === 'IDENTIFICATION_CODE_MISMATCH') {
            const code = this.form.controls.identificationCode;
            code.markAsDirty();
            code.setErrors({ mismatch: true });
          }
        },
      });
  }

  protected retryProvinces(): void {
    this.error.set(null);
    this.loadProvinces();
  }

  private loadProvinces(): void {
    this.provincesLoading.set(true);
    this.regions
      .provinces()
      .pipe(
        finalize(() => this.provincesLoading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (list) => this.provinces.set(list),
        error: (err: unknown) => this.error.set(apiErrorMessage(err)),
      });
  }

  private fetchColleges(provinceCode: string, q: string, page: number): Observable<CollegeDirectoryPage> {
    this.loadMore?.unsubscribe();
    this.loadMore = null;
    this.collegesLoading.set(true);
    return this.regions.colleges(provinceCode, q, page, COLLEGE_PAGE_SIZE).pipe(
      map((result) => {
        this.collegeQuery = { provinceCode, q, page: result.page, total: result.total };
        // A search that works again clears its own earlier failure, never a registration's.
        if (this.directoryError && this.error() === this.directoryError) this.error.set(null);
        this.directoryError = null;
        return result;
      }),
      catchError((err: unknown) => {
        this.directoryError = apiErrorMessage(err);
        this.error.set(this.directoryError);
        return EMPTY;
      }),
      finalize(() => this.collegesLoading.set(false)),
    );
  }

  private resetColleges(): void {
    this.loadMore?.unsubscribe();
    this.loadMore = null;
    this.collegeQuery = null;
    this.colleges.set([]);
    this.pickedCollege.set(null);
    this.collegesLoading.set(false);
  }
}
