import { Route } from '@angular/router';

// The login screen comes with the accounts work; until then there is no /login route.
export const appRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: '1+X证书试点申报平台 · 院校端',
    loadComponent: () => import('./home/home').then((m) => m.HomePage),
  },
  {
    path: 'register',
    title: '注册账号 · 1+X证书试点申报平台',
    loadComponent: () => import('./register/register').then((m) => m.RegisterPage),
  },
  { path: '**', redirectTo: '' },
];
