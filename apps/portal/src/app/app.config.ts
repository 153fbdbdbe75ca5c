import { ApplicationConfig } from '@angular/core';
import { provideRouter, withInMemoryScrolling } from '@angular/router';
import {
  FormOutline,
  LockOutline,
  LoginOutline,
  SolutionOutline,
  UserOutline,
} from '@ant-design/icons-angular/icons';
import { provideWebShell } from '@pilot/web-shell';
import { appRoutes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideWebShell({ icons: [FormOutline, LockOutline, LoginOutline, SolutionOutline, UserOutline] }),
    provideRouter(appRoutes, withInMemoryScrolling({ scrollPositionRestoration: 'top' })),
  ],
};
