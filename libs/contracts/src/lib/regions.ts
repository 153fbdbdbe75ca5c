import type { Page } from './pagination';

export interface ProvinceView {
  code: string;
  name: string;
  departmentName: string;
}

/**
 * A college as the public directory lists it. Never its identification code: the code is what
 * a college types to prove it is the college when it registers, and its account's name.
 */
export interface CollegeDirectoryEntryView {
  id: string;
  name: string;
  cityCode: string;
  cityName: string;
  type: CollegeType;
  registered: boolean;
}

/** A college as administrators and the province's reviewers see it in the directory, with its code. */
export interface DirectoryCollegeView extends CollegeDirectoryEntryView {
  identificationCode: string;
}

export type CollegeType = '本科' | '高职' | '中职';

export interface SearchCollegesRequest {
  provinceCode: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export type CollegeDirectoryPage = Page<CollegeDirectoryEntryView>;

/** `provinceCode` is the administrator's choice; a reviewer sees the province of their account. */
export interface ListDirectoryRequest {
  provinceCode?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export type DirectoryCollegePage = Page<DirectoryCollegeView>;

export interface CityView {
  code: string;
  name: string;
}
