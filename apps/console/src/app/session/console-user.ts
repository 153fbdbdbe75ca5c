import { ROLE_NAMES, type Role, type UserView } from '@pilot/contracts';

/** The roles that work in the console; colleges have the portal. */
export const CONSOLE_ROLES: readonly Role[] = ['admin', 'province_reviewer', 'city_reviewer'];

export const COLLEGE_USES_PORTAL = '院校账号请在院校端登录';

export function isConsoleUser(user: UserView | null | undefined): user is UserView {
  return !!user && CONSOLE_ROLES.includes(user.role);
}

export function isAdmin(user: UserView | null | undefined): boolean {
  return user?.role === 'admin';
}

/** Province reviewers check their province's registrations and receive its messages. */
export function isProvinceReviewer(user: UserView | null | undefined): boolean {
  return user?.role === 'province_reviewer';
}

export function isReviewer(user: UserView | null | undefined): boolean {
  return user?.role === 'province_reviewer' || user?.role === 'city_reviewer';
}

/** 操作日志: administrators read all of it, province reviewers their province's. */
export function readsAuditLog(user: UserView | null | undefined): boolean {
  return user?.role === 'admin' || user?.role === 'province_reviewer';
}

export function roleName(user: UserView): string {
  return ROLE_NAMES[user.role];
}

/** Where the user's reviewing reaches: the whole country for administrators. */
export function scopeName(user: UserView): string {
  if (user.role === 'admin') return '全国';
  return [user.provinceName, user.role === 'city_reviewer' ? user.cityName : undefined]
    .filter((part): part is string => !!part)
    .join(' · ');
}
