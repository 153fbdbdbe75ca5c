import { AbstractControl, FormControl, FormGroup, ValidationErrors, Validators } from '@angular/forms';
import {
  MAX_MAJORS_PER_APPLICATION,
  MAX_PLANNED_TRAINEES,
  MAX_RICH_TEXT_LENGTH,
  type ApplicationChange,
  type ApplicationFields,
  type ApplicationView,
} from '@pilot/contracts';

export interface ChosenMajor {
  code: string;
  name: string;
}

export type ApplicationForm = FormGroup<{
  planId: FormControl<string | null>;
  certificateId: FormControl<string | null>;
  majors: FormControl<ChosenMajor[]>;
  plannedTrainees: FormControl<number | null>;
  teachersHtml: FormControl<string | null>;
  venueHtml: FormControl<string | null>;
}>;

export const APPLICATION_FORM_TIPS = {
  planId: { default: { required: '请选择申报批次' } },
  certificateId: { default: { required: '请选择试点证书' } },
  majors: {
    default: {
      required: '本批次要求按专业填报，请至少添加一个专业',
      tooMany: `最多添加${MAX_MAJORS_PER_APPLICATION}个专业`,
    },
  },
  plannedTrainees: {
    default: {
      required: '请填写拟申报的培训人数',
      min: '拟申报的培训人数至少为1人',
      max: `拟申报的培训人数不能超过${MAX_PLANNED_TRAINEES}人`,
    },
  },
  teachersHtml: { default: { required: '请填写师资情况描述', maxlength: '师资情况描述内容过长，请精简' } },
  venueHtml: { default: { required: '请填写场地情况描述', maxlength: '场地情况描述内容过长，请精简' } },
};

/** 本批次要求按专业填报: at least one major then; never more than the platform takes. */
export function majorsRule(byMajor: boolean): (control: AbstractControl<ChosenMajor[]>) => ValidationErrors | null {
  return (control) => {
    const count = control.value?.length ?? 0;
    if (byMajor && count === 0) return { required: true };
    return count > MAX_MAJORS_PER_APPLICATION ? { tooMany: true } : null;
  };
}

const richText = [Validators.required, Validators.maxLength(MAX_RICH_TEXT_LENGTH)];

export function applicationForm(): ApplicationForm {
  return new FormGroup({
    planId: new FormControl<string | null>(null, Validators.required),
    certificateId: new FormControl<string | null>(null, Validators.required),
    majors: new FormControl<ChosenMajor[]>([], { nonNullable: true, validators: majorsRule(false) }),
    plannedTrainees: new FormControl<number | null>(null, [
      Validators.required,
      Validators.min(1),
      Validators.max(MAX_PLANNED_TRAINEES),
    ]),
    teachersHtml: new FormControl<string | null>(null, richText),
    venueHtml: new FormControl<string | null>(null, richText),
  });
}

export function fillApplicationForm(form: ApplicationForm, application: ApplicationView): void {
  form.reset({
    planId: application.planId,
    certificateId: application.certificateId,
    majors: application.majors.map(({ code, name }) => ({ code, name })),
    plannedTrainees: application.plannedTrainees,
    teachersHtml: application.teachersHtml,
    venueHtml: application.venueHtml,
  });
}

export function applicationFields(form: ApplicationForm, fileIds: string[]): ApplicationFields {
  const value = form.getRawValue();
  return {
    planId: value.planId ?? '',
    certificateId: value.certificateId ?? '',
    ...applicationChange(form, fileIds),
  };
}

/** What an edit sends: the plan and the certificate stay as they were created. */
export function applicationChange(form: ApplicationForm, fileIds: string[]): Required<Omit<ApplicationChange, 'version'>> {
  const value = form.getRawValue();
  return {
    majorCodes: value.majors.map((major) => major.code),
    plannedTrainees: value.plannedTrainees ?? 0,
    teachersHtml: value.teachersHtml ?? '',
    venueHtml: value.venueHtml ?? '',
    fileIds,
  };
}
