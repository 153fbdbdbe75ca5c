import type { Role } from './accounts';
import type { Page } from './pagination';

/**
 * 操作日志: every state change a person makes, with its Chinese name. A new kind of change is
 * one line here and the gateway's `@Audited` on its route.
 */
export const AUDIT_ACTIONS = {
  'auth.signed-in': '登录',
  'auth.sign-in-failed': '登录失败',
  'auth.signed-out': '退出登录',
  'auth.password-changed': '修改密码',
  'auth.password-reset': '找回密码',
  'account.registered': '院校注册账号',
  'account.reviewer-created': '新建审核员账号',
  'account.disabled': '停用账号',
  'account.enabled': '启用账号',
  'college.profile-saved': '修改院校基础信息',
  'plan.created': '新建申报计划',
  'plan.updated': '修改申报计划',
  'plan.published': '发布申报计划',
  'plan.deleted': '删除申报计划',
  'application.created': '保存申报',
  'application.updated': '修改申报',
  'application.deleted': '删除申报',
  'application.submitted': '提交申报',
  'application.approved': '审核通过',
  'application.rejected': '审核不通过',
  'file.uploaded': '上传佐证材料',
  'import.certificates': '导入证书目录',
  'import.majors': '导入专业目录',
  'import.colleges': '导入院校名录',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export const AUDIT_ACTION_KEYS = Object.keys(AUDIT_ACTIONS) as AuditAction[];

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(AUDIT_ACTIONS, value);
}

/** What an action was done to. */
export const AUDIT_TARGET_TYPES = {
  account: '账号',
  college: '院校',
  plan: '申报计划',
  application: '申报',
  file: '佐证材料',
  catalogue: '目录',
} as const;

export type AuditTargetType = keyof typeof AUDIT_TARGET_TYPES;
export const AUDIT_TARGET_TYPE_KEYS = Object.keys(AUDIT_TARGET_TYPES) as AuditTargetType[];

export const AUDIT_OUTCOMES = { success: '成功', failure: '失败' } as const;
export type AuditOutcome = keyof typeof AUDIT_OUTCOMES;
export const AUDIT_OUTCOME_KEYS = Object.keys(AUDIT_OUTCOMES) as AuditOutcome[];

/** Who acted: absent fields were not known (an anonymous caller, a name typed at sign-in). */
export interface AuditActorView {
  accountId?: string;
  /** The account name, or the one typed at a failed sign-in. */
  username?: string;
  role?: Role;
}

/** Where the actor works: a reviewer's province (and city), a college's province, city and college. */
export interface AuditScopeView {
  provinceCode?: string;
  provinceName?: string;
  cityCode?: string;
  cityName?: string;
  collegeId?: string;
}

export interface AuditTargetView {
  type: AuditTargetType;
  id?: string;
  /** A readable name: a plan's batch name, an application's college and certificate. */
  label?: string;
  provinceCode?: string;
}

export interface AuditEntryView {
  id: string;
  at: string;
  action: AuditAction;
  outcome: AuditOutcome;
  /** For a failure: the error the caller was answered with (its message is in the error catalogue). */
  errorCode?: string;
  actor: AuditActorView;
  scope: AuditScopeView;
  target?: AuditTargetView;
  /** A few words more, in Chinese: an approved headcount, an import's figures. */
  summary?: string;
  /** The client's address as the gateway saw it. */
  address: string;
  correlationId: string;
}

export interface AuditLogQuery {
  /** From this moment on (ISO 8601 with an offset), inclusive. */
  from?: string;
  /** Up to this moment, inclusive. */
  to?: string;
  action?: AuditAction;
  /** A keyword in the actor's account name. */
  actor?: string;
  targetType?: AuditTargetType;
  /** A keyword in the target's name or id. */
  target?: string;
  outcome?: AuditOutcome;
  page?: number;
  pageSize?: number;
}

export type AuditEntryPage = Page<AuditEntryView>;

/** An export larger than this is refused: narrow the time range or add filters. */
export const AUDIT_EXPORT_MAX_ROWS = 20_000;
