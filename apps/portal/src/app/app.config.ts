import { ApplicationConfig } from '@angular/core';
import { provideRouter, withInMemoryScrolling } from '@angular/router';
import {
  FormOutline,
  LoginOutline,
  SolutionOutline,
} from '@ant-design/icons-angular/icons';
import { provideWebShell } from '@pilot/web-shell';
import { appRoutes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideWebShell({ icons: [FormOutline, LoginOutline, SolutionOutline] }),
    provideRouter(appRoutes, withInMemoryScrolling({ scrollPositionRestoration: 'top' })),
  ],
};
