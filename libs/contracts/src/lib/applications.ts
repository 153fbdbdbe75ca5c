import type { Role } from './accounts';
import type { Page } from './pagination';

/** An application's life: see DESIGN.md, "The application's life". */
export const APPLICATION_STATUSES = ['draft', 'pending_city', 'pending_province', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_STATUS_NAMES: Record<ApplicationStatus, string> = {
  draft: '待提交',
  pending_city: '待地市审核',
  pending_province: '待省级审核',
  approved: '审核通过',
  rejected: '审核不通过',
};

/** The portal's tabs (全部 / 待提交 / 待审核 / 审核通过 / 审核不通过) and the statuses behind each. */
export const APPLICATION_TABS = {
  all: APPLICATION_STATUSES,
  draft: ['draft'],
  pending: ['pending_city', 'pending_province'],
  approved: ['approved'],
  rejected: ['rejected'],
} as const satisfies Record<string, readonly ApplicationStatus[]>;
export type ApplicationTab = keyof typeof APPLICATION_TABS;

export const APPLICATION_TAB_NAMES: Record<ApplicationTab, string> = {
  all: '全部',
  draft: '待提交',
  pending: '待审核',
  approved: '审核通过',
  rejected: '审核不通过',
};

export type ApplicationCounts = Record<ApplicationTab, number>;

/** 拟申报培训人数 stays a positive whole number up to this. */
export const MAX_PLANNED_TRAINEES = 10_000;
/** The longest rich text kept (after sanitising), in characters of HTML. */
export const MAX_RICH_TEXT_LENGTH = 50_000;
export const MAX_EVIDENCE_FILES = 10;
export const MAX_MAJORS_PER_APPLICATION = 50;
/** 审核意见, which the college reads. */
export const MAX_REVIEW_COMMENT_LENGTH = 500;
/** Evidence files (其他佐证材料): PDF or Word, judged by their content. */
export const MAX_EVIDENCE_FILE_BYTES = 20 * 1024 * 1024;
export const EVIDENCE_CONTENT_TYPES = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/** What a college writes (申报证书试点). */
export interface ApplicationFields {
  planId: string;
  certificateId: string;
  majorCodes: string[];
  plannedTrainees: number;
  /** 师资情况描述, rich text; sanitised by the service before it is stored. */
  teachersHtml: string;
  /** 场地情况描述, rich text. */
  venueHtml: string;
  /** Evidence files uploaded first through `POST /files`. */
  fileIds: string[];
}

export type ApplicationChange = Partial<Omit<ApplicationFields, 'planId' | 'certificateId'>> & { version?: number };

/** What the gateway sends on: the uploaded files a college names, resolved into their descriptions. */
export type DraftFields = Omit<ApplicationFields, 'fileIds'> & { files: EvidenceFileView[] };
export type DraftChange = Omit<ApplicationChange, 'fileIds'> & { files?: EvidenceFileView[] };

export const REVIEW_DECISIONS = ['approve', 'reject'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export interface ReviewRequest {
  decision: ReviewDecision;
  /** 已批准培训人数: required when a province approves. */
  approvedTrainees?: number;
  /** The reason, required when rejecting; the college sees it. */
  comment?: string;
}

export const HISTORY_ACTIONS = ['created', 'updated', 'submitted', 'approved', 'rejected'] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

const LEVEL_NAMES = { city: '地市级', province: '省级' } as const;

/** What a step of the history did, in the manual's words, for both apps. */
export function historyActionName(entry: Pick<HistoryEntry, 'action' | 'level'>): string {
  const level = entry.level ? LEVEL_NAMES[entry.level] : '';
  switch (entry.action) {
    case 'created':
      return '保存申报（暂不提交审核）';
    case 'updated':
      return '修改申报';
    case 'submitted':
      return '提交审核';
    case 'approved':
      return `${level}审核通过`;
    case 'rejected':
      return `${level}审核不通过`;
  }
}

/** One step of an application's history, shown to the college and to the reviewers. */
export interface HistoryEntry {
  at: string;
  action: HistoryAction;
  actorRole: Role;
  /** Who: the college's name, or the reviewing department (山东省教育厅 / 济南市教育局). */
  actorName: string;
  /** For reviews: the level that decided. */
  level?: 'city' | 'province';
  comment?: string;
  approvedTrainees?: number;
}

export interface EvidenceFileView {
  fileId: string;
  name: string;
  size: number;
  contentType: string;
}

export interface ApplicationSummary {
  id: string;
  planId: string;
  planName: string;
  year: number;
  collegeId: string;
  collegeName: string;
  provinceCode: string;
  cityCode: string;
  cityName: string;
  certificateId: string;
  certificateName: string;
  /** 颁证机构. */
  organisation: string;
  plannedTrainees: number;
  approvedTrainees?: number;
  status: ApplicationStatus;
  submittedAt?: string;
  updatedAt: string;
  version: number;
}

export interface ApplicationView extends ApplicationSummary {
  majors: { code: string; name: string }[];
  teachersHtml: string;
  venueHtml: string;
  files: EvidenceFileView[];
  /** Whether the plan requires majors (是否要求按专业填报) and city review first. */
  byMajor: boolean;
  cityApprovalRequired: boolean;
  /** The reason of the last rejection, for the college. */
  rejectionReason?: string;
  history: HistoryEntry[];
  createdAt: string;
}

export interface ListApplicationsRequest {
  status?: ApplicationTab | ApplicationStatus;
  planId?: string;
  certificateId?: string;
  /** Reviewers: one city of the province. */
  cityCode?: string;
  /** Reviewers: a keyword in the college's name. */
  collegeName?: string;
  page?: number;
  pageSize?: number;
}

export type ApplicationPage = Page<ApplicationSummary> & { counts: ApplicationCounts };

/** Per certificate of a plan, for the reviewers (申报汇总). */
export interface CertificateTotals {
  certificateId: string;
  certificateName: string;
  organisation: string;
  applications: number;
  plannedTrainees: number;
  approvedTrainees: number;
  quota?: number;
}

/** `applications.application.submitted`. */
export interface ApplicationSubmittedEvent {
  applicationId: string;
  collegeId: string;
  planId: string;
  certificateId: string;
  status: ApplicationStatus;
}

/** `applications.application.reviewed`: one per decision; the college hears of it by SMS and in the portal. */
export interface ApplicationReviewedEvent {
  applicationId: string;
  collegeId: string;
  collegeName: string;
  provinceCode: string;
  cityCode: string;
  planId: string;
  planName: string;
  year: number;
  certificateName: string;
  level: 'city' | 'province';
  decision: ReviewDecision;
  /** The status after the decision. */
  status: ApplicationStatus;
  approvedTrainees?: number;
  comment?: string;
  decidedAt: string;
}

/**
 * `applications.plan-results.settled`: a plan's window has closed and none of its applications
 * waits for a review any more, so each college's result in it is final. Sent once per plan.
 */
export interface PlanResultsSettledEvent {
  planId: string;
  provinceCode: string;
  year: number;
  /** Every college with a submitted application in the plan, and how many certificates it was approved for. */
  colleges: { collegeId: string; approvedCertificates: number }[];
  settledAt: string;
}

/** 试点院校资格 for one year: a pilot college has at least one certificate approved in a settled batch of that year. */
export interface PilotStatusView {
  year: number;
  pilot: boolean;
  approvedCertificates: number;
  /** Settled batches of the year the college applied in. */
  settledBatches: number;
  /** Why, in the portal's words. */
  reason: string;
}
