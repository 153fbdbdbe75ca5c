import { InjectionToken } from '@angular/core';

/**
 * Where the gateway's REST API lives, as seen from the browser. Relative by default: the
 * apps are served behind a proxy that forwards `/api` to the gateway.
 */
export const API_BASE_URL = new InjectionToken<string>('API_BASE_URL', {
  providedIn: 'root',
  factory: () => '/api/v1',
});

/** Joins the base URL and a path without doubling or dropping the slash. */
export function apiUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
