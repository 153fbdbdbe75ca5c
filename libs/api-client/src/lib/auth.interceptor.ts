import { HttpBackend, HttpClient, HttpContextToken, HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import type { AuthSession } from '@pilot/contracts';
import { Observable, catchError, finalize, shareReplay, switchMap, tap, throwError } from 'rxjs';
import { API_BASE_URL, apiUrl } from './api-base-url';
import { isApiError } from './api-error';
import { toApiError } from './api-error.interceptor';
import { SessionStore } from './session.store';

/** Set on calls that must go out without the signed-in user's token (sign-in, sign-up…). */
export const SKIP_SESSION = new HttpContextToken<boolean>(() => false);

let refreshing: Observable<AuthSession> | null = null;

/**
 * The server's word that the access token no longer serves: expired, or revoked because the
 * account signed out elsewhere (the refresh token of this sign-in may still be good).
 */
const RENEWABLE = new Set(['TOKEN_EXPIRED', 'TOKEN_REVOKED']);

/**
 * Sends the access token with every API call. When the server says the token has expired or
 * was revoked it swaps the refresh token for new ones, once for all calls waiting at that
 * moment, and repeats the call; when that fails too, the session is over and the store is cleared.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const sessions = inject(SessionStore);
  const session = sessions.session();
  if (req.context.get(SKIP_SESSION) || !session) return next(req);
  const refresh = refresher(inject(HttpBackend), inject(API_BASE_URL), sessions);
  return next(withToken(req, session.accessToken)).pipe(
    catchError((error: unknown) => {
      if (!isApiError(error) || !RENEWABLE.has(error.code)) return throwError(() => error);
      return refresh().pipe(switchMap((renewed) => next(withToken(req, renewed.accessToken))));
    }),
  );
};

function withToken(req: HttpRequest<unknown>, token: string): HttpRequest<unknown> {
  return req.clone({ setHeaders: { authorization: `Bearer ${token}` } });
}

function refresher(backend: HttpBackend, baseUrl: string, sessions: SessionStore): () => Observable<AuthSession> {
  return () => {
    if (!refreshing) {
      // The bare backend: this call must not pass through the interceptors again.
      const http = new HttpClient(backend);
      const refreshToken = sessions.session()?.refreshToken ?? '';
      refreshing = http.post<AuthSession>(apiUrl(baseUrl, 'auth/refresh'), { refreshToken }).pipe(
        tap((renewed) => sessions.renew(renewed)),
        catchError((error: unknown) => {
          sessions.end();
          return throwError(() => (error instanceof HttpErrorResponse ? toApiError(error) : error));
        }),
        finalize(() => (refreshing = null)),
        shareReplay(1),
      );
    }
    return refreshing;
  };
}
