import { Route } from '@angular/router';

export const appRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: '各省教育行政部门 · 1+X证书试点申报平台 · 审核端',
    loadComponent: () => import('./provinces/provinces').then((m) => m.ProvincesPage),
  },
  { path: '**', redirectTo: '' },
];
