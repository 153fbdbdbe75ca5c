import type { Page } from './pagination';

/** 证书等级: a certificate is offered at one or more of these. */
export const CERTIFICATE_LEVELS = ['初级', '中级', '高级'] as const;
export type CertificateLevel = (typeof CERTIFICATE_LEVELS)[number];

/** 专业层次: the level of education a major belongs to. */
export const MAJOR_LEVELS = ['中职', '高职专科', '高职本科', '本科'] as const;
export type MajorLevel = (typeof MAJOR_LEVELS)[number];

/** A 1+X vocational skill certificate; its `id` is its code, so plans keep pointing at it across imports. */
export interface CertificateView {
  id: string;
  code: string;
  name: string;
  /** 颁证机构 / 培训评价组织. */
  organisation: string;
  levels: CertificateLevel[];
  /** Loaded from the platform's demo data rather than an administrator's import. */
  demo: boolean;
}

export interface MajorView {
  code: string;
  name: string;
  level: MajorLevel;
  demo: boolean;
}

export interface SearchCertificatesRequest {
  /** A keyword in the name or the organisation. */
  q?: string;
  /** Only these (by id), for example a plan's allowed certificates. */
  ids?: string[];
  page?: number;
  pageSize?: number;
}

export interface SearchMajorsRequest {
  q?: string;
  level?: MajorLevel;
  codes?: string[];
  page?: number;
  pageSize?: number;
}

export type CertificatePage = Page<CertificateView>;
export type MajorPage = Page<MajorView>;
