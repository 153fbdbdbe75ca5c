import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import type { ErrorBody } from '@pilot/contracts';
import { Observable, catchError, from, map, of, switchMap, throwError } from 'rxjs';
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

/**
 * A download's error body arrives as a Blob like its bytes would have: read as text, it is the
 * gateway's `{ code, message }` again (TOKEN_EXPIRED among them, which the session interceptor
 * must recognise to renew the token).
 */
function withReadableBody(response: HttpErrorResponse): Observable<HttpErrorResponse> {
  if (!(response.error instanceof Blob)) return of(response);
  return from(response.error.text()).pipe(
    map(
      (text) =>
        new HttpErrorResponse({
          error: text,
          headers: response.headers,
          status: response.status,
          statusText: response.statusText,
          url: response.url ?? undefined,
        }),
    ),
    catchError(() => of(response)),
  );
}

export const apiErrorInterceptor: HttpInterceptorFn = (req, next) =>
  next(req).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse)) return throwError(() => error);
      return withReadableBody(error).pipe(switchMap((response) => throwError(() => toApiError(response))));
    }),
  );
