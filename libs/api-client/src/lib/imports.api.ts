import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ImportKind, ImportReport } from '@pilot/contracts';
import { Observable } from 'rxjs';
import { API_BASE_URL, apiUrl } from './api-base-url';

/** Administrators' spreadsheet imports of the catalogues and the college directory. */
@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  /** Sends a CSV or XLSX file; the report names every row that was not taken, and why. */
  upload(kind: ImportKind, file: File): Observable<ImportReport> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<ImportReport>(apiUrl(this.baseUrl, `admin/imports/${kind}`), form);
  }

  /**
   * The CSV template with the header row the import expects. Fetched rather than linked: the
   * route wants the administrator's token, which a plain link would not send.
   */
  template(kind: ImportKind): Observable<Blob> {
    return this.http.get(apiUrl(this.baseUrl, `admin/imports/${kind}/template`), { responseType: 'blob' });
  }
}
