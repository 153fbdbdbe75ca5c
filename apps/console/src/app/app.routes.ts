import { Route } from '@angular/router';
import { stylesheet } from '@pilot/web-shell';
import { consoleUserGuard, initialPasswordChangedGuard, signedOutGuard } from './session/session.guards';

const TITLE = '1+X证书试点申报平台 · 审核端';

export const appRoutes: Route[] = [
  {
    path: 'login',
    title: `审核端登录 · ${TITLE}`,
    canActivate: [signedOutGuard],
    loadComponent: () => import('./login/login').then((m) => m.LoginPage),
  },
  {
    path: '',
    canActivate: [consoleUserGuard],
    canActivateChild: [consoleUserGuard],
    loadComponent: () => import('./frame/frame').then((m) => m.Frame),
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: `各省教育行政部门 · ${TITLE}`,
        canActivate: [initialPasswordChangedGuard],
        loadComponent: () => import('./provinces/provinces').then((m) => m.ProvincesPage),
      },
      {
        path: 'reviewers',
        title: `审核员账号管理 · ${TITLE}`,
        canActivate: [initialPasswordChangedGuard],
        loadComponent: () => import('./reviewers/reviewers').then((m) => m.ReviewersPage),
      },
      {
        path: 'plans',
        title: `申报计划 · ${TITLE}`,
        canActivate: [initialPasswordChangedGuard],
        loadComponent: () => import('./plans/plans').then((m) => m.PlansPage),
      },
      {
        path: 'reviews',
        title: `申报审核 · ${TITLE}`,
        canActivate: [initialPasswordChangedGuard],
        resolve: { styles: stylesheet('reviews') },
        loadComponent: () => import('./reviews/reviews').then((m) => m.ReviewsPage),
      },
      {
        path: 'reviews/:id',
        title: `申报详情 · ${TITLE}`,
        canActivate: [initialPasswordChangedGuard],
        resolve: { styles: stylesheet('reviews') },
        loadComponent: () => import('./reviews/review-detail').then((m) => m.ReviewDetailPage),
      },
      {
        path: 'certificates',
        title: `证书目录 · ${TITLE}`,
        canActivate: [initialPasswordChangedGuard],
        loadComponent: () => import('./catalogue/certificates').then((m) => m.CertificatesPage),
      },
      {
        path: 'majors',
        title: `专业目录 · ${TITLE}`,
        canActivate: [initialPasswordChangedGuard],
        loadComponent: () => import('./catalogue/majors').then((m) => m.MajorsPage),
      },
      {
        path: 'colleges',
        title: `院校名录 · ${TITLE}`,
        canActivate: [initialPasswordChangedGuard],
        loadComponent: () => import('./directory/college-directory').then((m) => m.CollegeDirectoryPage),
      },
      {
        path: 'registrations',
        title: `院校注册 · ${TITLE}`,
        canActivate: [initialPasswordChangedGuard],
        loadComponent: () => import('./registrations/registrations').then((m) => m.RegistrationsPage),
      },
      {
        path: 'messages',
        title: `消息 · ${TITLE}`,
        canActivate: [initialPasswordChangedGuard],
        loadComponent: () => import('./messages/messages').then((m) => m.MessagesPage),
      },
      {
        path: 'audit-log',
        title: `操作日志 · ${TITLE}`,
        canActivate: [initialPasswordChangedGuard],
        loadComponent: () => import('./audit-log/audit-log').then((m) => m.AuditLogPage),
      },
      {
        path: 'change-password',
        title: `修改密码 · ${TITLE}`,
        loadComponent: () => import('./change-password/change-password').then((m) => m.ChangePasswordPage),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
