import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CollegeProfileFields, CollegeProfileView } from '@pilot/contracts';
import { Observable, tap } from 'rxjs';
import { API_BASE_URL, apiUrl } from './api-base-url';
import { SessionStore } from './session.store';

/** The signed-in college's basic information (完善院校基础信息). */
@Injectable({ providedIn: 'root' })
export class CollegeProfileApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);
  private readonly sessions = inject(SessionStore);

  get(): Observable<CollegeProfileView> {
    return this.http.get<CollegeProfileView>(apiUrl(this.baseUrl, 'college/profile'));
  }

  save(fields: CollegeProfileFields): Observable<CollegeProfileView> {
    return this.http
      .put<CollegeProfileView>(apiUrl(this.baseUrl, 'college/profile'), fields)
      .pipe(tap((profile) => this.sessions.updateUser({ profileComplete: profile.complete })));
  }
}
