import { AbstractControl, FormControl, FormGroup, ValidationErrors, Validators } from '@angular/forms';
import type { CollegeProfileFields, CollegeType } from '@pilot/contracts';

const ADDRESS_MAX = 200;
const NAME_MAX = 50;
const EMAIL_MAX = 100;
export const DESCRIPTION_MAX = 2000;
const TEACHERS_MAX = 100_000;
const STUDENTS_MAX = 1_000_000;
const POSTAL_CODE = /^\d{6}$/;
/** A mainland mobile, or a landline with its area code (0531-12345678). */
const CONTACT_PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
const WHOLE_NUMBER = /^\d+$/;

type Validator = (c: AbstractControl) => ValidationErrors | null;
const text = (max: number, ...more: Validator[]) =>
  new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(max), ...more] });
const count = (max: number) =>
  new FormControl<number | null>(null, [
    Validators.required,
    Validators.min(0),
    Validators.max(max),
    Validators.pattern(WHOLE_NUMBER),
  ]);

/** 院校基础信息 as a form, validated as the gateway validates it (院校简介 may stay empty). */
export function profileForm() {
  return new FormGroup({
    collegeType: new FormControl<CollegeType | null>(null, Validators.required),
    address: text(ADDRESS_MAX),
    postalCode: text(6, Validators.pattern(POSTAL_CODE)),
    principalName: text(NAME_MAX),
    leaderName: text(NAME_MAX),
    contactName: text(NAME_MAX),
    contactPhone: text(20, Validators.pattern(CONTACT_PHONE)),
    email: text(EMAIL_MAX, Validators.email),
    fullTimeTeachers: count(TEACHERS_MAX),
    students: count(STUDENTS_MAX),
    description: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(DESCRIPTION_MAX)] }),
  });
}

export type ProfileForm = ReturnType<typeof profileForm>;
export type ProfileField = keyof CollegeProfileFields;

export const FIELD_LABELS: Record<ProfileField, string> = {
  collegeType: '院校类型',
  address: '通讯地址',
  postalCode: '邮政编码',
  principalName: '校长姓名',
  leaderName: '分管校领导',
  contactName: '联系人',
  contactPhone: '联系电话',
  email: '电子邮箱',
  fullTimeTeachers: '专任教师人数',
  students: '在校学生人数',
  description: '院校简介',
};

const PATTERN_TIPS: Partial<Record<ProfileField, string>> = {
  postalCode: '邮政编码应为6位数字',
  contactPhone: '请输入手机号，或带区号的座机号（如0531-12345678）',
  fullTimeTeachers: '请输入不小于0的整数',
  students: '请输入不小于0的整数',
};

/** What to tell the college about the first thing wrong with a field. */
export function fieldTip(field: ProfileField, errors: ValidationErrors | null): string {
  const label = FIELD_LABELS[field];
  if (!errors) return '';
  if (errors['server']) return errors['server'] as string;
  if (errors['required']) return field === 'collegeType' ? '请选择院校类型' : `请填写${label}`;
  if (errors['maxlength']) return `${label}不能超过${errors['maxlength'].requiredLength}个字`;
  if (errors['email']) return '电子邮箱格式不正确';
  if (errors['max']) return `${label}不能超过${errors['max'].max}`;
  return PATTERN_TIPS[field] ?? `${label}格式不正确`;
}

/** The form's values as the API takes them (whitespace trimmed). */
export function profileFields(form: ProfileForm): CollegeProfileFields {
  const value = form.getRawValue();
  return {
    collegeType: value.collegeType as CollegeType,
    address: value.address.trim(),
    postalCode: value.postalCode.trim(),
    principalName: value.principalName.trim(),
    leaderName: value.leaderName.trim(),
    contactName: value.contactName.trim(),
    contactPhone: value.contactPhone.trim(),
    email: value.email.trim(),
    fullTimeTeachers: Number(value.fullTimeTeachers),
    students: Number(value.students),
    description: value.description.trim(),
  };
}
