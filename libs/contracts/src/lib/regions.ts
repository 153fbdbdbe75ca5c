import type { Page } from './pagination';

export interface ProvinceView {
  code: string;
  name: string;
  departmentName: string;
}

export interface CollegeDirectoryEntryView {
  id: string;
  name: string;
  identificationCode: string;
  cityCode: string;
  cityName: string;
  type: CollegeType;
  registered: boolean;
}

export type CollegeType = '本科' | '高职' | '中职';

export interface SearchCollegesRequest {
  provinceCode: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export type CollegeDirectoryPage = Page<CollegeDirectoryEntryView>;

export interface CityView {
  code: string;
  name: string;
}
