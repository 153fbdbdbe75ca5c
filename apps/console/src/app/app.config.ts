import { ApplicationConfig } from '@angular/core';
import { provideRouter } from '@angular/router';
import {
  ApartmentOutline,
  EyeInvisibleOutline,
  EyeOutline,
  KeyOutline,
  LockOutline,
  PlusOutline,
  ReloadOutline,
  SyncOutline,
  TeamOutline,
  UserOutline,
} from '@ant-design/icons-angular/icons';
import { provideWebShell } from '@pilot/web-shell';
import { appRoutes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideWebShell({
      icons: [
        ApartmentOutline,
        EyeInvisibleOutline,
        EyeOutline,
        KeyOutline,
        LockOutline,
        PlusOutline,
        ReloadOutline,
        SyncOutline,
        TeamOutline,
        UserOutline,
      ],
    }),
    provideRouter(appRoutes),
  ],
};
