import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ListPlansRequest, PlanChange, PlanFields, PlanPage, PlanView } from '@pilot/contracts';
import { Observable } from 'rxjs';
import { API_BASE_URL, apiUrl } from './api-base-url';
import { queryParams } from './query-params';

/** Application plans (申报计划): provinces write and publish them; everyone signed in reads them in scope. */
@Injectable({ providedIn: 'root' })
export class PlansApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  list(query: ListPlansRequest = {}): Observable<PlanPage> {
    return this.http.get<PlanPage>(this.url('plans'), { params: queryParams(query) });
  }

  get(id: string): Observable<PlanView> {
    return this.http.get<PlanView>(this.url(`plans/${encodeURIComponent(id)}`));
  }

  create(fields: PlanFields): Observable<PlanView> {
    return this.http.post<PlanView>(this.url('plans'), fields);
  }

  update(id: string, change: PlanChange): Observable<PlanView> {
    return this.http.patch<PlanView>(this.url(`plans/${encodeURIComponent(id)}`), change);
  }

  /** Colleges of the province see the plan from now on. */
  publish(id: string): Observable<PlanView> {
    return this.http.post<PlanView>(this.url(`plans/${encodeURIComponent(id)}/publish`), {});
  }

  delete(id: string): Observable<unknown> {
    return this.http.delete(this.url(`plans/${encodeURIComponent(id)}`));
  }

  private url(path: string): string {
    return apiUrl(this.baseUrl, path);
  }
}
