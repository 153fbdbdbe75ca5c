import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AuthSession,
  CaptchaView,
  ChangePasswordRequest,
  LoginRequest,
  PasswordResetRequest,
  RegisterRequest,
  RegisterResult,
  RequestSmsCodeRequest,
  UserView,
} from '@pilot/contracts';
import { Observable, tap } from 'rxjs';
import { API_BASE_URL, apiUrl } from './api-base-url';
import { SKIP_SESSION } from './auth.interceptor';
import { SessionStore } from './session.store';

/** Sign-up, sign-in and passwords. Signing in and out keeps the `SessionStore` in step. */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);
  private readonly sessions = inject(SessionStore);
  private readonly anonymous = { context: new HttpContext().set(SKIP_SESSION, true) };

  captcha(): Observable<CaptchaView> {
    return this.http.get<CaptchaView>(this.url('auth/captcha'), this.anonymous);
  }

  requestSmsCode(request: RequestSmsCodeRequest): Observable<unknown> {
    return this.http.post(this.url('auth/sms-codes'), request, this.anonymous);
  }

  register(request: RegisterRequest): Observable<RegisterResult> {
    return this.http.post<RegisterResult>(this.url('auth/register'), request, this.anonymous);
  }

  login(request: LoginRequest): Observable<AuthSession> {
    return this.http
      .post<AuthSession>(this.url('auth/login'), request, this.anonymous)
      .pipe(tap((session) => this.sessions.start(session)));
  }

  /** Ends the session here at once, and on the server when it answers. */
  logout(): Observable<unknown> {
    const refreshToken = this.sessions.session()?.refreshToken ?? '';
    this.sessions.end();
    return this.http.post(this.url('auth/logout'), { refreshToken }, this.anonymous);
  }

  resetPassword(request: PasswordResetRequest): Observable<unknown> {
    return this.http.post(this.url('auth/password-reset'), request, this.anonymous);
  }

  /** The server answers with new tokens: the ones held until now stop working with the change. */
  changePassword(request: ChangePasswordRequest): Observable<AuthSession> {
    return this.http.post<AuthSession>(this.url('auth/password'), request).pipe(tap((session) => this.sessions.renew(session)));
  }

  /** The signed-in user as the server sees it now. */
  me(): Observable<UserView> {
    return this.http.get<UserView>(this.url('auth/me')).pipe(tap((user) => this.sessions.updateUser(user)));
  }

  private url(path: string): string {
    return apiUrl(this.baseUrl, path);
  }
}
