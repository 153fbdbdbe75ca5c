import { AbstractControl, FormArray, FormControl, FormGroup, ValidationErrors, Validators } from '@angular/forms';
import { beijingYear, type CertificateView, type PlanCertificate, type PlanFields, type PlanView } from '@pilot/contracts';
import { beijingIso, beijingWallClock } from './beijing-time';

export type PlanWindow = [Date, Date];

export interface AllowedCertificate {
  certificateId: FormControl<string>;
  name: FormControl<string>;
  organisation: FormControl<string>;
  quota: FormControl<number | null>;
}

export type PlanForm = FormGroup<{
  year: FormControl<number | null>;
  name: FormControl<string>;
  window: FormControl<PlanWindow | null>;
  byMajor: FormControl<boolean>;
  cityApprovalRequired: FormControl<boolean>;
  certificates: FormArray<FormGroup<AllowedCertificate>>;
}>;

export const PLAN_FORM_TIPS = {
  year: { default: { required: '请输入年度', min: '年度不正确', max: '年度不正确' } },
  name: { default: { required: '请输入申报批次', maxlength: '申报批次不能超过50个字' } },
  window: { default: { required: '请选择申报时间', order: '申报截止时间必须晚于开始时间' } },
  quota: { default: { min: '名额须为正整数' } },
};

/** The window's end must come after its start; the picker alone lets them be equal. */
function windowInOrder(control: AbstractControl<PlanWindow | null>): ValidationErrors | null {
  const window = control.value;
  if (!window?.[0] || !window[1]) return null;
  return window[1].getTime() > window[0].getTime() ? null : { order: true };
}

export function planForm(): PlanForm {
  return new FormGroup({
    year: new FormControl<number | null>(beijingYear(), {
      nonNullable: true,
      validators: [Validators.required, Validators.min(2019), Validators.max(2100)],
    }),
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(50)] }),
    window: new FormControl<PlanWindow | null>(null, [Validators.required, windowInOrder]),
    byMajor: new FormControl(true, { nonNullable: true }),
    cityApprovalRequired: new FormControl(false, { nonNullable: true }),
    certificates: new FormArray<FormGroup<AllowedCertificate>>([]),
  });
}

export function allowedCertificate(certificate: Pick<CertificateView, 'name' | 'organisation'> & { certificateId: string; quota?: number }): FormGroup<AllowedCertificate> {
  return new FormGroup({
    certificateId: new FormControl(certificate.certificateId, { nonNullable: true }),
    name: new FormControl(certificate.name, { nonNullable: true }),
    organisation: new FormControl(certificate.organisation, { nonNullable: true }),
    quota: new FormControl<number | null>(certificate.quota ?? null, Validators.min(1)),
  });
}

/** Puts a stored plan into the form, its window as the Beijing wall clock reads it. */
export function fillPlanForm(form: PlanForm, plan: PlanView): void {
  form.controls.certificates.clear();
  for (const certificate of plan.certificates) form.controls.certificates.push(allowedCertificate(certificate));
  form.patchValue({
    year: plan.year,
    name: plan.name,
    window: [beijingWallClock(plan.startsAt), beijingWallClock(plan.endsAt)],
    byMajor: plan.byMajor,
    cityApprovalRequired: plan.cityApprovalRequired,
  });
}

export function planFields(form: PlanForm): PlanFields {
  const value = form.getRawValue();
  const [start, end] = value.window ?? [new Date(NaN), new Date(NaN)];
  return {
    year: value.year ?? beijingYear(),
    name: value.name.trim(),
    startsAt: beijingIso(start, '00'),
    endsAt: beijingIso(end, '59'),
    byMajor: value.byMajor,
    cityApprovalRequired: value.cityApprovalRequired,
    certificates: value.certificates.map(
      ({ certificateId, quota }): PlanCertificate => (quota ? { certificateId, quota } : { certificateId }),
    ),
  };
}

/** Same minute: the picker has no seconds, so a stored `:59` end and the picked minute are equal. */
function sameMinute(a: string, b: string): boolean {
  const minute = (iso: string) => Math.floor(new Date(iso).getTime() / 60_000);
  return minute(a) === minute(b);
}

function sameCertificates(a: PlanCertificate[], b: PlanCertificate[]): boolean {
  const key = (list: PlanCertificate[]) => JSON.stringify(list.map((c) => [c.certificateId, c.quota ?? null]));
  return key(a) === key(b);
}

/**
 * What an edit changes: only the fields that differ from the stored plan (times to the
 * minute), so that once a plan is published a later end is all that is sent when it is all
 * that changed.
 */
export function changedFields(plan: PlanView, fields: PlanFields): Partial<PlanFields> {
  const changed: Partial<PlanFields> = {};
  if (fields.year !== plan.year) changed.year = fields.year;
  if (fields.name !== plan.name) changed.name = fields.name;
  if (!sameMinute(fields.startsAt, plan.startsAt)) changed.startsAt = fields.startsAt;
  if (!sameMinute(fields.endsAt, plan.endsAt)) changed.endsAt = fields.endsAt;
  if (fields.byMajor !== plan.byMajor) changed.byMajor = fields.byMajor;
  if (fields.cityApprovalRequired !== plan.cityApprovalRequired) changed.cityApprovalRequired = fields.cityApprovalRequired;
  if (!sameCertificates(fields.certificates ?? [], plan.certificates)) changed.certificates = fields.certificates;
  return changed;
}
