import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CityView, CollegeDirectoryPage, DirectoryCollegePage, ProvinceView } from '@pilot/contracts';
import { Observable } from 'rxjs';
import { API_BASE_URL, apiUrl } from './api-base-url';

/** Provinces and the college directory (public, no login needed; the codes only for the console). */
@Injectable({ providedIn: 'root' })
export class RegionsApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  /** The 31 provinces with their education departments. */
  provinces(): Observable<ProvinceView[]> {
    return this.http.get<ProvinceView[]>(apiUrl(this.baseUrl, 'regions/provinces'));
  }

  /** One page of a province's college directory, matching `q` (empty for all). */
  colleges(provinceCode: string, q = '', page = 1, pageSize = 20): Observable<CollegeDirectoryPage> {
    const params = new HttpParams()
      .set('q', q)
      .set('page', page)
      .set('pageSize', pageSize);
    return this.http.get<CollegeDirectoryPage>(
      apiUrl(this.baseUrl, `regions/provinces/${encodeURIComponent(provinceCode)}/colleges`),
      { params },
    );
  }

  /**
   * One page of the directory with identification codes, for administrators (who name the
   * province) and reviewers (their own province), searched by name or code.
   */
  directory(provinceCode: string | null, q = '', page = 1, pageSize = 20): Observable<DirectoryCollegePage> {
    let params = new HttpParams().set('q', q).set('page', page).set('pageSize', pageSize);
    if (provinceCode) params = params.set('provinceCode', provinceCode);
    return this.http.get<DirectoryCollegePage>(apiUrl(this.baseUrl, 'directory/colleges'), { params });
  }

  /** The cities (prefecture level) of a province. */
  cities(provinceCode: string): Observable<CityView[]> {
    return this.http.get<CityView[]>(apiUrl(this.baseUrl, `regions/provinces/${encodeURIComponent(provinceCode)}/cities`));
  }
}
