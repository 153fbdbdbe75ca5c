import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { EvidenceFileView } from '@pilot/contracts';
import { Observable, tap } from 'rxjs';
import { API_BASE_URL, apiUrl } from './api-base-url';
import { saveFile } from './save-file';

/** Evidence files (其他佐证材料): colleges upload them first, then name them in an application. */
@Injectable({ providedIn: 'root' })
export class FilesApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  /** A PDF or Word file; the server judges the type by the content and refuses other kinds or oversized files. */
  upload(file: File): Observable<EvidenceFileView> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<EvidenceFileView>(apiUrl(this.baseUrl, 'files'), form);
  }

  /**
   * The file's bytes. Fetched rather than linked: the route wants the signed-in user's token,
   * which a plain link would not send.
   */
  download(fileId: string): Observable<Blob> {
    return this.http.get(apiUrl(this.baseUrl, `files/${encodeURIComponent(fileId)}`), { responseType: 'blob' });
  }

  /** Downloads the file and hands it to the browser under its own name. */
  save(file: Pick<EvidenceFileView, 'fileId' | 'name'>): Observable<Blob> {
    return this.download(file.fileId).pipe(tap((blob) => saveFile(blob, file.name)));
  }
}
