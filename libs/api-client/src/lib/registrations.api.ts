import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ListRegistrationsRequest, Page, RegistrationView } from '@pilot/contracts';
import { Observable } from 'rxjs';
import { API_BASE_URL, apiUrl } from './api-base-url';
import { queryParams } from './query-params';

/** 院校注册: a province's college registrations, which its reviewers may revoke when wrongly claimed. */
@Injectable({ providedIn: 'root' })
export class RegistrationsApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  list(query: ListRegistrationsRequest = {}): Observable<Page<RegistrationView>> {
    return this.http.get<Page<RegistrationView>>(apiUrl(this.baseUrl, 'registrations'), { params: queryParams(query) });
  }

  /** The account is disabled and the college may register again; the answer is the registration as revoked. */
  revoke(id: string): Observable<RegistrationView> {
    return this.http.post<RegistrationView>(apiUrl(this.baseUrl, `registrations/${encodeURIComponent(id)}/revoke`), {});
  }
}
