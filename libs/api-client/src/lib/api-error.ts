/** The message shown when a failure does not come with the gateway's `{ code, message }` body. */
export const NETWORK_ERROR_MESSAGE = '网络异常，请稍后再试';

/**
 * A failed API call, normalised by `apiErrorInterceptor`. `message` is always fit to show to the
 * user (Chinese); `code` is the gateway's error code (see `ErrorCatalog` in `@pilot/contracts`),
 * or `NETWORK_ERROR` when the body was not in the gateway's shape (no connection, proxy error…).
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** The message to show for any error thrown by an API call. */
export function apiErrorMessage(error: unknown): string {
  return isApiError(error) ? error.message : NETWORK_ERROR_MESSAGE;
}

/** For VALIDATION_FAILED: the messages per request field (`details.fields`); empty otherwise. */
export function fieldErrors(error: unknown): Record<string, string[]> {
  if (!isApiError(error) || typeof error.details !== 'object' || error.details === null) return {};
  const fields = (error.details as { fields?: unknown }).fields;
  if (typeof fields !== 'object' || fields === null) return {};
  const result: Record<string, string[]> = {};
  for (const [name, messages] of Object.entries(fields)) {
    if (Array.isArray(messages)) result[name] = messages.filter((m): m is string => typeof m === 'string');
  }
  return result;
}
