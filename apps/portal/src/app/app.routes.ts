import { Route } from '@angular/router';
import { stylesheet } from '@pilot/web-shell';
import { collegeSignedIn, passwordChanged, profileCompleted } from './session/session.guards';

export const appRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: '1+X证书试点申报平台 · 院校端',
    loadComponent: () => import('./home/home').then((m) => m.HomePage),
  },
  {
    path: 'login',
    title: '登录 · 1+X证书试点申报平台',
    loadComponent: () => import('./login/login').then((m) => m.LoginPage),
  },
  {
    path: 'register',
    title: '注册账号 · 1+X证书试点申报平台',
    loadComponent: () => import('./register/register').then((m) => m.RegisterPage),
  },
  {
    path: 'forgot-password',
    title: '忘记密码 · 1+X证书试点申报平台',
    loadComponent: () => import('./forgot-password/forgot-password').then((m) => m.ForgotPasswordPage),
  },
  {
    path: 'change-password',
    title: '修改密码 · 1+X证书试点申报平台',
    canActivate: [collegeSignedIn],
    loadComponent: () => import('./change-password/change-password').then((m) => m.ChangePasswordPage),
  },
  {
    path: 'profile',
    title: '完善院校基础信息 · 1+X证书试点申报平台',
    canActivate: [collegeSignedIn, passwordChanged],
    loadComponent: () => import('./profile/profile').then((m) => m.ProfilePage),
  },
  {
    path: 'workspace',
    title: '申报工作台 · 1+X证书试点申报平台',
    canActivate: [collegeSignedIn, passwordChanged],
    loadComponent: () => import('./workspace/workspace').then((m) => m.WorkspacePage),
  },
  {
    path: 'applications',
    title: '申报证书试点 · 1+X证书试点申报平台',
    canActivate: [collegeSignedIn, passwordChanged, profileCompleted],
    resolve: { styles: stylesheet('applications') },
    loadComponent: () => import('./applications/applications').then((m) => m.ApplicationsPage),
  },
  {
    path: 'applications/:id',
    title: '申报详情 · 1+X证书试点申报平台',
    canActivate: [collegeSignedIn, passwordChanged, profileCompleted],
    resolve: { styles: stylesheet('applications') },
    loadComponent: () => import('./applications/application-detail').then((m) => m.ApplicationDetailPage),
  },
  {
    path: 'messages',
    title: '消息 · 1+X证书试点申报平台',
    canActivate: [collegeSignedIn, passwordChanged],
    loadComponent: () => import('./messages/messages').then((m) => m.MessagesPage),
  },
  { path: '**', redirectTo: '' },
];
