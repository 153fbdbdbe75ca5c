import { AUDIT_EXPORT_MAX_ROWS } from './audit';
import { PASSWORD_RULE } from './password-policy';

/**
 * The one catalogue of error codes. The HTTP status and the Chinese message travel with the
 * code, so the gateway and both front ends show the same words for the same failure.
 */
export const ErrorCatalog = {
  VALIDATION_FAILED: { status: 400, message: '提交的信息不完整或格式不正确' },
  MALFORMED_REQUEST: { status: 400, message: '请求格式不正确' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  FORBIDDEN: { status: 403, message: '没有权限执行此操作' },
  NOT_FOUND: { status: 404, message: '请求的资源不存在' },
  PROVINCE_NOT_FOUND: { status: 404, message: '未找到该省份' },
  SMS_TOO_SOON: { status: 429, message: '验证码发送过于频繁，请60秒后再试' },
  SMS_DAILY_LIMIT: { status: 429, message: '该手机号今日获取验证码次数已达上限，请明天再试' },
  SMS_ADDRESS_LIMIT: { status: 429, message: '当前网络获取验证码过于频繁，请10分钟后再试' },
  SMS_ADDRESS_DAILY_LIMIT: { status: 429, message: '当前网络今日获取验证码次数已达上限，请明天再试' },
  CAPTCHA_INVALID: { status: 400, message: '图形验证码错误或已过期，请重新获取' },
  SMS_CODE_INVALID: { status: 400, message: '短信验证码错误' },
  SMS_CODE_EXPIRED: { status: 400, message: '短信验证码已失效，请重新获取' },
  COLLEGE_NOT_FOUND: { status: 404, message: '所选院校不在该省的院校名录中' },
  CITY_NOT_FOUND: { status: 404, message: '未找到该地市' },
  IDENTIFICATION_CODE_MISMATCH: { status: 400, message: '院校识别码与所选院校不一致' },
  REGISTRATION_NOT_FOUND: { status: 404, message: '未找到该院校注册记录' },
  COLLEGE_ALREADY_REGISTERED: { status: 409, message: '该院校已注册账号，请直接登录；如忘记密码，请通过“忘记密码”找回' },
  LOGIN_FAILED: { status: 401, message: '账号或密码错误' },
  ACCOUNT_LOCKED: { status: 429, message: '登录失败次数过多，账号已暂时锁定，请15分钟后再试' },
  LOGIN_THROTTLED: { status: 429, message: '登录失败次数过多，请稍后再试' },
  TOKEN_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  SESSION_ENDED: { status: 401, message: '登录状态已失效，请重新登录' },
  TOKEN_REVOKED: { status: 401, message: '登录状态已失效，请重新登录' },
  ACCOUNT_DISABLED: { status: 403, message: '该账号已停用，如有疑问请联系主管部门' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: '请先修改初始密码，再进行其他操作' },
  PASSWORD_TOO_WEAK: { status: 400, message: `密码强度不足：${PASSWORD_RULE}` },
  PASSWORD_UNCHANGED: { status: 400, message: '新密码不能与原密码相同' },
  OLD_PASSWORD_WRONG: { status: 400, message: '原密码错误' },
  PHONE_HAS_SEVERAL_ACCOUNTS: { status: 400, message: '该手机号绑定了多个账号，请输入账号名找回密码' },
  USERNAME_TAKEN: { status: 409, message: '该账号名已被使用' },
  REVIEWER_NOT_FOUND: { status: 404, message: '未找到该审核员账号' },
  CERTIFICATE_NOT_FOUND: { status: 404, message: '证书目录中没有该证书' },
  PLAN_NOT_FOUND: { status: 404, message: '未找到该申报计划' },
  PLAN_WINDOW_INVALID: { status: 400, message: '申报截止时间必须晚于开始时间' },
  PLAN_NAME_TAKEN: { status: 409, message: '本省已有同名的申报批次' },
  PLAN_PUBLISHED_LOCKED: { status: 409, message: '申报计划已发布，只能延长申报截止时间' },
  PLAN_WINDOW_SHORTENED: { status: 409, message: '已发布的申报计划只能延长申报截止时间，不能提前' },
  PLAN_CLOSED: { status: 409, message: '该申报计划的申报时间已结束，不能再修改' },
  PLAN_ALREADY_PUBLISHED: { status: 409, message: '该申报计划已发布' },
  PLAN_CANNOT_DELETE: { status: 409, message: '申报已开始的计划可能已有院校申报，不能删除' },
  PLAN_CHANGED: { status: 409, message: '该申报计划已被他人修改，请刷新后重试' },
  PROFILE_INCOMPLETE: { status: 409, message: '请先完善院校基础信息，再申报证书试点' },
  PLAN_NOT_OPEN: { status: 409, message: '不在该申报计划的申报时间内，不能申报、修改或提交' },
  CERTIFICATE_NOT_IN_PLAN: { status: 400, message: '该申报计划不允许申报此证书' },
  MAJOR_NOT_FOUND: { status: 400, message: '所选专业不在专业目录中' },
  MAJORS_REQUIRED: { status: 400, message: '该申报计划要求按专业填报，请至少添加一个专业' },
  APPLICATION_EXISTS: { status: 409, message: '本批次已申报过该证书，请在列表中修改或查看' },
  APPLICATION_NOT_FOUND: { status: 404, message: '未找到该申报' },
  APPLICATION_LOCKED: { status: 409, message: '已提交审核的申报不能修改或删除，审核不通过后才可修改' },
  APPLICATION_CHANGED: { status: 409, message: '该申报已被修改或审核，请刷新后重试' },
  NOT_AWAITING_YOUR_REVIEW: { status: 409, message: '该申报当前不在您的审核环节' },
  APPROVED_TRAINEES_REQUIRED: { status: 400, message: '请填写已批准培训人数' },
  APPROVED_ABOVE_PLANNED: { status: 400, message: '已批准培训人数不能超过拟申报培训人数' },
  QUOTA_EXCEEDED: { status: 409, message: '已批准培训人数超出该证书本批次的剩余指标' },
  REJECTION_REASON_REQUIRED: { status: 400, message: '审核不通过时请填写原因' },
  FILE_NOT_FOUND: { status: 404, message: '未找到该文件' },
  FILE_TYPE_NOT_ALLOWED: { status: 400, message: '佐证材料只能是PDF或Word文件' },
  FILE_TOO_LARGE: { status: 413, message: '文件过大，单个文件不能超过20MB' },
  IMPORT_FILE_INVALID: { status: 400, message: '无法读取该文件，请上传CSV或XLSX格式的表格' },
  IMPORT_COLUMNS_MISSING: { status: 400, message: '表格缺少必需的列，请按模板填写表头' },
  IMPORT_EMPTY: { status: 400, message: '表格中没有数据行' },
  IMPORT_TOO_MANY_ROWS: { status: 413, message: '表格行数过多，每次最多导入5000行' },
  AUDIT_EXPORT_TOO_LARGE: { status: 400, message: `符合条件的日志超过${AUDIT_EXPORT_MAX_ROWS}条，请缩小时间范围或增加筛选条件后再导出` },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大' },
  PAYLOAD_TOO_DEEP: { status: 400, message: '提交的内容嵌套层级过深' },
  HEADERS_TOO_LARGE: { status: 431, message: '请求的网址或请求头过长' },
  REQUEST_TIMEOUT: { status: 408, message: '请求未能及时送达，请重试' },
  RATE_LIMITED: { status: 429, message: '操作过于频繁，请稍后再试' },
  INTERNAL_ERROR: { status: 500, message: '系统繁忙，请稍后再试' },
  SERVICE_UNAVAILABLE: { status: 503, message: '服务暂时不可用，请稍后再试' },
  SERVICE_TIMEOUT: { status: 504, message: '服务响应超时，请稍后再试' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ErrorCatalog;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** An error with a code from the catalogue; its status and default message come from there. */
export class PlatformError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? ErrorCatalog[code].message);
    this.name = 'PlatformError';
    this.code = code;
    this.status = ErrorCatalog[code].status;
    this.details = details;
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) };
  }
}

/**
 * The words of a refusal that says when to try again, for the codes that can: the wait is
 * filled in by `retryLater`.
 */
const RETRY_MESSAGES = {
  SMS_TOO_SOON: (wait: string) => `验证码发送过于频繁，请${wait}后再试`,
  SMS_DAILY_LIMIT: (wait: string) => `该手机号今日获取验证码次数已达上限，请${wait}后再试`,
  SMS_ADDRESS_LIMIT: (wait: string) => `当前网络获取验证码过于频繁，请${wait}后再试`,
  SMS_ADDRESS_DAILY_LIMIT: (wait: string) => `当前网络今日获取验证码次数已达上限，请${wait}后再试`,
  ACCOUNT_LOCKED: (wait: string) => `登录失败次数过多，账号已暂时锁定，请${wait}后再试`,
  LOGIN_THROTTLED: (wait: string) => `登录失败次数过多，请${wait}后再试`,
} as const satisfies Partial<Record<ErrorCode, (wait: string) => string>>;

export type RetryLaterCode = keyof typeof RETRY_MESSAGES;

/** What a refusal that says when to try again carries beside its words (the gateway also sends it as `Retry-After`). */
export interface RetryLaterDetails {
  retryAfterSeconds: number;
}

/** A wait as people say it: seconds under two minutes, then minutes, then hours. */
export function waitWords(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 120) return `${whole}秒`;
  if (whole < 2 * 3600) return `${Math.ceil(whole / 60)}分钟`;
  return `${Math.ceil(whole / 3600)}小时`;
}

/** A refusal of something that will be allowed again in `seconds`, saying so in its message and its details. */
export function retryLater(code: RetryLaterCode, seconds: number): PlatformError {
  const retryAfterSeconds = Math.max(1, Math.ceil(seconds));
  const details: RetryLaterDetails = { retryAfterSeconds };
  return new PlatformError(code, RETRY_MESSAGES[code](waitWords(retryAfterSeconds)), details);
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ErrorCatalog, value);
}

/** A recorded error code in words: the catalogue's message, or the code itself when the catalogue has none. */
export function errorMessageOf(code: string): string {
  return isErrorCode(code) ? ErrorCatalog[code].message : code;
}
