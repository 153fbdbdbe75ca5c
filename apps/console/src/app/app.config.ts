import { ApplicationConfig } from '@angular/core';
import { provideRouter } from '@angular/router';
import {
  ApartmentOutline,
  ArrowLeftOutline,
  AuditOutline,
  BankOutline,
  BellOutline,
  BookOutline,
  CalendarOutline,
  DownloadOutline,
  EyeInvisibleOutline,
  EyeOutline,
  IdcardOutline,
  FileSearchOutline,
  KeyOutline,
  LockOutline,
  PaperClipOutline,
  PlusOutline,
  ReloadOutline,
  SafetyCertificateOutline,
  SearchOutline,
  SyncOutline,
  TeamOutline,
  UploadOutline,
  UserOutline,
} from '@ant-design/icons-angular/icons';
import { provideWebShell } from '@pilot/web-shell';
import { appRoutes } from './app.routes';
import { isProvinceReviewer } from './session/console-user';

export const appConfig: ApplicationConfig = {
  providers: [
    provideWebShell({
      icons: [
        ApartmentOutline,
        ArrowLeftOutline,
        AuditOutline,
        BankOutline,
        BellOutline,
        BookOutline,
        CalendarOutline,
        DownloadOutline,
        EyeInvisibleOutline,
        EyeOutline,
        IdcardOutline,
        FileSearchOutline,
        KeyOutline,
        LockOutline,
        PaperClipOutline,
        PlusOutline,
        ReloadOutline,
        SafetyCertificateOutline,
        SearchOutline,
        SyncOutline,
        TeamOutline,
        UploadOutline,
        UserOutline,
      ],
      receivesMessages: isProvinceReviewer,
    }),
    provideRouter(appRoutes),
  ],
};
