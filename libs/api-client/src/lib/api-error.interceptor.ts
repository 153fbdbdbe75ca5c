import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import type { ErrorBody } from '@pilot/contracts';
import { catchError, throwError } from 'rxjs';
import { ApiError, NETWORK_ERROR_MESSAGE } from './api-error';

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const { code, message } = body as Record<string, unknown>;
  return typeof code === 'string' && code.length > 0 && typeof message === 'string' && message.length > 0;
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/** Turns every failed HTTP call into an `ApiError` carrying a message fit to show the user. */
export function toApiError(response: HttpErrorResponse): ApiError {
  const body = parseBody(response.error);
  if (isErrorBody(body)) {
    return new ApiError(body.code, body.message, response.status, body.details);
  }
  return new ApiError('NETWORK_ERROR', NETWORK_ERROR_MESSAGE, response.status);
}

export const apiErrorInterceptor: HttpInterceptorFn = (req, next) =>
  next(req).pipe(
    catchError((error: unknown) =>
      throwError(() => (error instanceof HttpErrorResponse ? toApiError(error) : error)),
    ),
  );
