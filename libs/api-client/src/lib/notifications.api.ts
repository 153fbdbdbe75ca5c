import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { InAppMessagePage, ListMessagesRequest } from '@pilot/contracts';
import { Observable } from 'rxjs';
import { API_BASE_URL, apiUrl } from './api-base-url';
import { queryParams } from './query-params';

/** The signed-in user's in-app messages (站内消息), newest first, with how many are unread. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  list(query: ListMessagesRequest = {}): Observable<InAppMessagePage> {
    return this.http.get<InAppMessagePage>(this.url('notifications'), { params: queryParams(query) });
  }

  markRead(id: string): Observable<unknown> {
    return this.http.post(this.url(`notifications/${encodeURIComponent(id)}/read`), {});
  }

  markAllRead(): Observable<unknown> {
    return this.http.post(this.url('notifications/read-all'), {});
  }

  private url(path: string): string {
    return apiUrl(this.baseUrl, path);
  }
}
