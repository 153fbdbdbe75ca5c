import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ApplicationChange,
  ApplicationFields,
  ApplicationPage,
  ApplicationView,
  CertificateTotals,
  ListApplicationsRequest,
  ReviewRequest,
} from '@pilot/contracts';
import { Observable } from 'rxjs';
import { API_BASE_URL, apiUrl } from './api-base-url';
import { queryParams } from './query-params';

/**
 * Certificate pilot applications (申报证书试点). Colleges write, submit and delete their own;
 * reviewers read those of their province or city and decide on them.
 */
@Injectable({ providedIn: 'root' })
export class ApplicationsApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  /** One page of the list, with the count of every tab (全部 / 待提交 / 待审核 / 审核通过 / 审核不通过). */
  list(query: ListApplicationsRequest = {}): Observable<ApplicationPage> {
    return this.http.get<ApplicationPage>(this.url('applications'), { params: queryParams(query) });
  }

  /** With its majors, rich texts, evidence files and history. */
  get(id: string): Observable<ApplicationView> {
    return this.http.get<ApplicationView>(this.url(`applications/${encodeURIComponent(id)}`));
  }

  /** 保存，暂不提交审核: the new application stays a draft. */
  create(fields: ApplicationFields): Observable<ApplicationView> {
    return this.http.post<ApplicationView>(this.url('applications'), fields);
  }

  /** Drafts and rejected applications only. */
  update(id: string, change: ApplicationChange): Observable<ApplicationView> {
    return this.http.put<ApplicationView>(this.url(`applications/${encodeURIComponent(id)}`), change);
  }

  /** Drafts only. */
  delete(id: string): Observable<unknown> {
    return this.http.delete(this.url(`applications/${encodeURIComponent(id)}`));
  }

  /** 提交审核: read-only from then on, until a reviewer rejects it. */
  submit(id: string): Observable<ApplicationView> {
    return this.http.post<ApplicationView>(this.url(`applications/${encodeURIComponent(id)}/submit`), {});
  }

  /**
   * 审核通过 / 审核不通过 at the reviewer's own level: a city passes it on to the province or ends
   * it; a province approves a headcount (已批准培训人数) or ends it. Rejecting needs the reason.
   */
  review(id: string, request: ReviewRequest): Observable<ApplicationView> {
    return this.http.post<ApplicationView>(this.url(`applications/${encodeURIComponent(id)}/review`), request);
  }

  /** Reviewers: per certificate of the plan, the applications and headcounts within their scope. */
  certificateTotals(planId: string): Observable<CertificateTotals[]> {
    return this.http.get<CertificateTotals[]>(this.url('applications/certificate-totals'), { params: queryParams({ planId }) });
  }

  /**
   * Reviewers: the list under the same filters as an XLSX sheet, every page of it. Fetched rather
   * than linked: the route wants the signed-in user's token, which a plain link would not send.
   */
  export(filters: Omit<ListApplicationsRequest, 'page' | 'pageSize'>): Observable<Blob> {
    return this.http.get(this.url('applications/export'), { params: queryParams(filters), responseType: 'blob' });
  }

  private url(path: string): string {
    return apiUrl(this.baseUrl, path);
  }
}
