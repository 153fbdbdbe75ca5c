import { ErrorCatalog, PlatformError, isErrorCode, type ErrorBody } from '@pilot/contracts';

export type RpcReply = { ok: true; data: unknown } | { ok: false; error: ErrorBody };

export function failureReply(err: unknown): RpcReply {
  if (err instanceof PlatformError) return { ok: false, error: err.toBody() };
  return { ok: false, error: { code: 'INTERNAL_ERROR', message: ErrorCatalog.INTERNAL_ERROR.message } };
}

/** Turns a failure reply back into the error the remote handler threw. */
export function errorFromReply(error: ErrorBody): PlatformError {
  const code = isErrorCode(error?.code) ? error.code : 'INTERNAL_ERROR';
  return new PlatformError(code, error?.message || ErrorCatalog[code].message, error?.details);
}
