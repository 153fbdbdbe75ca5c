import type { Page } from './pagination';

/** Derived from the clock, never stored: 未开始 / 申报中 / 已结束. */
export const PLAN_STATUSES = ['not_started', 'open', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_STATUS_NAMES: Record<PlanStatus, string> = {
  not_started: '未开始',
  open: '申报中',
  closed: '已结束',
};

/** Application windows are set and shown in this zone, whatever the server's. */
export const PLAN_TIME_ZONE = 'Asia/Shanghai';

/** The window includes both ends: it opens at `startsAt` and is still open at `endsAt`. */
export function planStatus(window: { startsAt: string | Date; endsAt: string | Date }, now: Date = new Date()): PlanStatus {
  const at = now.getTime();
  if (at < new Date(window.startsAt).getTime()) return 'not_started';
  if (at <= new Date(window.endsAt).getTime()) return 'open';
  return 'closed';
}

export interface PlanCertificate {
  certificateId: string;
  /** The most trainees the province will approve for this certificate in this plan. */
  quota?: number;
}

/** What a province reviewer writes (申报计划). */
export interface PlanFields {
  year: number;
  /** 申报批次, for example "2026年第一次". */
  name: string;
  startsAt: string;
  endsAt: string;
  /** 是否要求按专业填报. */
  byMajor: boolean;
  /** 是否需要地市级教育局审批. */
  cityApprovalRequired: boolean;
  /** The certificates colleges may apply for; absent or empty allows the whole catalogue. */
  certificates?: PlanCertificate[];
}

export interface PlanCertificateView extends PlanCertificate {
  name: string;
  organisation: string;
}

export interface PlanView {
  id: string;
  provinceCode: string;
  year: number;
  name: string;
  startsAt: string;
  endsAt: string;
  /** The window as the manual shows it, in Beijing time: "2020-04-01 00:00 ~ 2020-04-04 23:59". */
  windowText: string;
  byMajor: boolean;
  cityApprovalRequired: boolean;
  certificates: PlanCertificateView[];
  published: boolean;
  publishedAt?: string;
  status: PlanStatus;
  /** Changes with every edit; an edit names the version it started from. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type PlanPage = Page<PlanView>;

export interface ListPlansRequest {
  year?: number;
  /** Administrators may pick a province; everyone else sees their own. */
  provinceCode?: string;
  page?: number;
  pageSize?: number;
}

/** An edit names the version it was made from, when it wants to be refused if the plan changed since. */
export type PlanChange = Partial<PlanFields> & { version?: number };

export type UpdatePlanRequest = PlanChange & { id: string };

/** A plan as other services keep it (carried by the `planning.plan.*` events). */
export interface PlanSnapshot {
  id: string;
  provinceCode: string;
  year: number;
  name: string;
  startsAt: string;
  endsAt: string;
  byMajor: boolean;
  cityApprovalRequired: boolean;
  certificates: PlanCertificate[];
  version: number;
}

export interface PlanWindowClosedEvent {
  planId: string;
  provinceCode: string;
  year: number;
  endsAt: string;
}

export interface PlanDeletedEvent {
  planId: string;
  provinceCode: string;
}
