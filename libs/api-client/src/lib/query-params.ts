import { HttpParams } from '@angular/common/http';

type QueryValue = string | number | boolean | undefined | null;

/** A list query as URL parameters; a field left out or empty is not sent, so the server's default applies. */
export function queryParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [name, value] of Object.entries(query) as [string, QueryValue][]) {
    if (value !== undefined && value !== null && value !== '') params = params.set(name, value);
  }
  return params;
}
