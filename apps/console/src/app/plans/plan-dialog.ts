import { Component, DestroyRef, OnInit, computed, effect, inject, input, model, output, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, ReactiveFormsModule } from '@angular/forms';
import { CatalogueApi, PlansApi, apiErrorMessage, fieldErrors } from '@pilot/api-client';
import type { CertificateView, PlanView } from '@pilot/contracts';
import { revealErrors } from '@pilot/web-shell';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { Observable, Subject, catchError, debounceTime, distinctUntilChanged, finalize, map, of, switchMap, tap } from 'rxjs';
import { PLAN_FORM_TIPS, allowedCertificate, changedFields, fillPlanForm, planFields, planForm } from './plan-form';

/** How many catalogue matches the certificate picker offers at once. */
const CERTIFICATE_MATCHES = 20;

/**
 * 新建申报计划 / 编辑申报计划: the batch, its window (Beijing time), the two flags and the
 * certificates colleges may apply for, each with an optional quota.
 */
@Component({
  selector: 'console-plan-dialog',
  imports: [
    ReactiveFormsModule,
    NzAlertModule,
    NzButtonModule,
    NzDatePickerModule,
    NzFormModule,
    NzInputModule,
    NzInputNumberModule,
    NzModalModule,
    NzRadioModule,
    NzSelectModule,
    NzTableModule,
  ],
  templateUrl: './plan-dialog.html',
  styleUrl: './plan-dialog.css',
})
export class PlanDialog implements OnInit {
  private readonly plans = inject(PlansApi);
  private readonly catalogue = inject(CatalogueApi);
  private readonly destroyRef = inject(DestroyRef);

  readonly visible = model(false);
  /** The plan to edit; none for a new one. */
  readonly plan = input<PlanView | null>(null);
  readonly saved = output<PlanView>();

  protected readonly tips = PLAN_FORM_TIPS;
  protected readonly form = planForm();
  protected readonly certificates = this.form.controls.certificates;
  /** The rows of `certificates` as a new array after each change: the table only sees a new array. */
  protected readonly certificateRows = signal([...this.certificates.controls]);
  protected readonly certificatePicker = new FormControl<CertificateView | null>(null);
  protected readonly matches = signal<CertificateView[]>([]);
  protected readonly searching = signal(false);
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly errorDetails = signal<string[]>([]);
  protected readonly title = computed(() => (this.plan() ? '编辑申报计划' : '新建申报计划'));

  private readonly searches = new Subject<string>();

  constructor() {
    // Each opening starts from the plan as stored (or an empty form), not from an earlier attempt.
    effect(() => {
      if (!this.visible()) return;
      const plan = this.plan();
      untracked(() => this.reset(plan));
    });
  }

  ngOnInit(): void {
    this.searches
      .pipe(
        debounceTime(300),
        distinctUntilChanged(),
        tap(() => this.searching.set(true)),
        switchMap((q) => this.searchCatalogue(q)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((found) => this.matches.set(found));
    this.certificatePicker.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((picked) => {
      if (!picked) return;
      this.allow(picked);
      this.certificatePicker.setValue(null, { emitEvent: false });
    });
  }

  protected search(q: string): void {
    this.searches.next(q.trim());
  }

  protected alreadyAllowed(id: string): boolean {
    return this.certificates.controls.some((row) => row.controls.certificateId.value === id);
  }

  protected remove(index: number): void {
    this.certificates.removeAt(index);
    this.certificateRows.set([...this.certificates.controls]);
  }

  protected cancel(): void {
    this.visible.set(false);
  }

  protected submit(): void {
    if (this.submitting()) return;
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    const request = this.request();
    if (!request) {
      this.visible.set(false);
      return;
    }
    this.submitting.set(true);
    this.clearError();
    request
      .pipe(
        finalize(() => this.submitting.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (plan) => {
          this.saved.emit(plan);
          this.visible.set(false);
        },
        error: (err: unknown) => {
          this.error.set(apiErrorMessage(err));
          this.errorDetails.set(this.showFieldErrors(fieldErrors(err)));
        },
      });
  }

  /** The call to make; none when an edit changes nothing. */
  private request(): Observable<PlanView> | null {
    const fields = planFields(this.form);
    const plan = this.plan();
    if (!plan) return this.plans.create(fields);
    const changed = changedFields(plan, fields);
    if (Object.keys(changed).length === 0) return null;
    return this.plans.update(plan.id, { ...changed, version: plan.version });
  }

  private allow(certificate: CertificateView): void {
    if (this.alreadyAllowed(certificate.id)) return;
    this.certificates.push(
      allowedCertificate({ certificateId: certificate.id, name: certificate.name, organisation: certificate.organisation }),
    );
    this.certificateRows.set([...this.certificates.controls]);
  }

  private searchCatalogue(q: string): Observable<CertificateView[]> {
    return this.catalogue.certificates({ q, pageSize: CERTIFICATE_MATCHES }).pipe(
      map((page) => page.items),
      catchError((err: unknown) => {
        this.error.set(apiErrorMessage(err));
        return of([]);
      }),
      finalize(() => this.searching.set(false)),
    );
  }

  /** The server's field messages go under their fields; the window's two ends share one field. */
  private showFieldErrors(fields: Record<string, string[]>): string[] {
    const controls: Record<string, AbstractControl> = {
      ...this.form.controls,
      startsAt: this.form.controls.window,
      endsAt: this.form.controls.window,
    };
    const elsewhere: string[] = [];
    for (const [name, messages] of Object.entries(fields)) {
      const control = controls[name];
      if (!control || name === 'certificates' || messages.length === 0) {
        elsewhere.push(...messages);
        continue;
      }
      control.setErrors({ ...control.errors, server: { 'zh-cn': messages[0] } });
      control.markAsDirty();
    }
    return elsewhere;
  }

  private reset(plan: PlanView | null): void {
    this.clearError();
    this.form.reset();
    this.certificates.clear();
    if (plan) fillPlanForm(this.form, plan);
    this.certificateRows.set([...this.certificates.controls]);
    this.searches.next('');
  }

  private clearError(): void {
    this.error.set(null);
    this.errorDetails.set([]);
  }
}
