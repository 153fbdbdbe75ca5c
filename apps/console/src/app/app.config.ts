import { ApplicationConfig } from '@angular/core';
import { provideRouter } from '@angular/router';
import { ApartmentOutline, ReloadOutline } from '@ant-design/icons-angular/icons';
import { provideWebShell } from '@pilot/web-shell';
import { appRoutes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [provideWebShell({ icons: [ApartmentOutline, ReloadOutline] }), provideRouter(appRoutes)],
};
