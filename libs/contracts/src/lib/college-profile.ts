import type { CollegeType } from './regions';

export const COLLEGE_TYPES: readonly CollegeType[] = ['本科', '高职', '中职'];

/** 院校基础信息: what a college fills in before it may apply. */
export interface CollegeProfileFields {
  collegeType: CollegeType;
  address: string;
  postalCode: string;
  principalName: string;
  leaderName: string;
  contactName: string;
  contactPhone: string;
  email: string;
  fullTimeTeachers: number;
  students: number;
  description: string;
}

export interface CollegeProfileView extends Partial<CollegeProfileFields> {
  collegeId: string;
  collegeName: string;
  identificationCode: string;
  provinceCode: string;
  provinceName: string;
  cityCode: string;
  cityName: string;
  complete: boolean;
  updatedAt?: string;
}
