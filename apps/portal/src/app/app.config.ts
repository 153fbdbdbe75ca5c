import { ApplicationConfig } from '@angular/core';
import { provideRouter, withInMemoryScrolling } from '@angular/router';
import {
  ArrowLeftOutline,
  BellOutline,
  FormOutline,
  LockOutline,
  LoginOutline,
  PlusOutline,
  SolutionOutline,
  UserOutline,
} from '@ant-design/icons-angular/icons';
import { provideWebShell } from '@pilot/web-shell';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { appRoutes } from './app.routes';
import { isCollege } from './session/college-user';

export const appConfig: ApplicationConfig = {
  providers: [
    provideWebShell({
      icons: [ArrowLeftOutline, BellOutline, FormOutline, LockOutline, LoginOutline, PlusOutline, SolutionOutline, UserOutline],
      receivesMessages: isCollege,
    }),
    // The manual's pager reads "前往 N 页" where ng-zorro's Chinese says "跳至".
    provideNzI18n({ ...zh_CN, Pagination: { ...zh_CN.Pagination, jump_to: '前往' } }),
    provideRouter(appRoutes, withInMemoryScrolling({ scrollPositionRestoration: 'top' })),
  ],
};
