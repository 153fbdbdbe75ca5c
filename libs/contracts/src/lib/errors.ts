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
  CAPTCHA_INVALID: { status: 400, message: '图形验证码错误或已过期，请重新获取' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大' },
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

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ErrorCatalog, value);
}
