import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CertificatePage, MajorPage, SearchCertificatesRequest, SearchMajorsRequest } from '@pilot/contracts';
import { Observable } from 'rxjs';
import { API_BASE_URL, apiUrl } from './api-base-url';
import { queryParams } from './query-params';

/** The certificate catalogue (证书目录) and the major catalogue (专业目录), for anyone signed in. */
@Injectable({ providedIn: 'root' })
export class CatalogueApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  /** A keyword matches a certificate's name or its issuing organisation. */
  certificates(query: Omit<SearchCertificatesRequest, 'ids'> = {}): Observable<CertificatePage> {
    return this.http.get<CertificatePage>(apiUrl(this.baseUrl, 'certificates'), { params: queryParams(query) });
  }

  majors(query: Omit<SearchMajorsRequest, 'codes'> = {}): Observable<MajorPage> {
    return this.http.get<MajorPage>(apiUrl(this.baseUrl, 'majors'), { params: queryParams(query) });
  }
}
