import { registerLocaleData } from '@angular/common';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import zh from '@angular/common/locales/zh';
import {
  EnvironmentProviders,
  LOCALE_ID,
  makeEnvironmentProviders,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import type { IconDefinition } from '@ant-design/icons-angular';
import { API_BASE_URL, apiErrorInterceptor, authInterceptor } from '@pilot/api-client';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import type { UserView } from '@pilot/contracts';
import { RECEIVES_MESSAGES } from './messages/message-recipients';

export interface WebShellOptions {
  /**
   * The icons the app's own templates use. They are registered statically (ng-zorro would
   * otherwise fetch unknown icons over HTTP); the icons ng-zorro's components use internally
   * are registered by ng-zorro itself.
   */
  icons?: IconDefinition[];
  /** Where the gateway's API lives; defaults to the relative `/api/v1` behind the proxy. */
  apiBaseUrl?: string;
  /** Which signed-in users have in-app messages here (the header's bell shows for them); nobody when left out. */
  receivesMessages?: (user: UserView | null | undefined) => boolean;
}

/**
 * The providers both front ends share: Simplified Chinese (Angular and ng-zorro), HttpClient
 * with the API error interceptor, and statically registered icons. Apps add their router.
 */
export function provideWebShell(options: WebShellOptions = {}): EnvironmentProviders {
  registerLocaleData(zh);
  return makeEnvironmentProviders([
    provideBrowserGlobalErrorListeners(),
    { provide: LOCALE_ID, useValue: 'zh-CN' },
    provideNzI18n(zh_CN),
    provideNzIcons(options.icons ?? []),
    // The session's interceptor sits outside the error one, so it sees `ApiError`s.
    provideHttpClient(withInterceptors([authInterceptor, apiErrorInterceptor])),
    ...(options.apiBaseUrl ? [{ provide: API_BASE_URL, useValue: options.apiBaseUrl }] : []),
    ...(options.receivesMessages ? [{ provide: RECEIVES_MESSAGES, useValue: options.receivesMessages }] : []),
  ]);
}
