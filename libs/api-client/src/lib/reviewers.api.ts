import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateReviewerRequest, Page, ReviewerView } from '@pilot/contracts';
import { Observable } from 'rxjs';
import { API_BASE_URL, apiUrl } from './api-base-url';

/** Reviewer accounts, managed by administrators. */
@Injectable({ providedIn: 'root' })
export class ReviewersApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  list(page = 1, pageSize = 10, provinceCode?: string): Observable<Page<ReviewerView>> {
    let params = new HttpParams().set('page', page).set('pageSize', pageSize);
    if (provinceCode) params = params.set('provinceCode', provinceCode);
    return this.http.get<Page<ReviewerView>>(apiUrl(this.baseUrl, 'admin/reviewers'), { params });
  }

  create(request: CreateReviewerRequest): Observable<ReviewerView> {
    return this.http.post<ReviewerView>(apiUrl(this.baseUrl, 'admin/reviewers'), request);
  }

  /** The reviewer can no longer sign in, and its sign-ins end at once. */
  disable(reviewerId: string): Observable<ReviewerView> {
    return this.http.post<ReviewerView>(apiUrl(this.baseUrl, `admin/reviewers/${encodeURIComponent(reviewerId)}/disable`), {});
  }

  enable(reviewerId: string): Observable<ReviewerView> {
    return this.http.post<ReviewerView>(apiUrl(this.baseUrl, `admin/reviewers/${encodeURIComponent(reviewerId)}/enable`), {});
  }
}
