import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { PilotStatusView } from '@pilot/contracts';
import { Observable } from 'rxjs';
import { API_BASE_URL, apiUrl } from './api-base-url';

/** The signed-in college's 试点院校资格, one entry per year, newest first (the current year always in). */
@Injectable({ providedIn: 'root' })
export class PilotStatusApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  list(): Observable<PilotStatusView[]> {
    return this.http.get<PilotStatusView[]>(apiUrl(this.baseUrl, 'college/pilot-status'));
  }
}
