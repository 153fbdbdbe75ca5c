import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AuditEntryPage, AuditLogQuery } from '@pilot/contracts';
import { Observable } from 'rxjs';
import { API_BASE_URL, apiUrl } from './api-base-url';
import { queryParams } from './query-params';

export type AuditLogFilters = Omit<AuditLogQuery, 'page' | 'pageSize'>;

/** 操作日志: administrators read all of it, province reviewers their province's. */
@Injectable({ providedIn: 'root' })
export class AuditLogApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  /** One page, newest first. */
  list(query: AuditLogQuery): Observable<AuditEntryPage> {
    return this.http.get<AuditEntryPage>(apiUrl(this.baseUrl, 'audit-log'), { params: queryParams(query) });
  }

  /** Every entry under the filters as an XLSX sheet, fetched with the signed-in user's token. */
  export(filters: AuditLogFilters): Observable<Blob> {
    return this.http.get(apiUrl(this.baseUrl, 'audit-log/export'), { params: queryParams(filters), responseType: 'blob' });
  }
}
