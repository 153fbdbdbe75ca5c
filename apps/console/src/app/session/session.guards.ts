import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { SessionStore } from '@pilot/api-client';
import { isConsoleUser } from './console-user';

/** Every console page but the login needs a signed-in reviewer or administrator. */
export const consoleUserGuard: CanActivateFn = (_route, state) => {
  if (isConsoleUser(inject(SessionStore).user())) return true;
  const returnUrl = state.url === '/' ? undefined : state.url;
  return inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl } });
};

/** An initial password was set by someone else; nothing else opens until it is changed. */
export const initialPasswordChangedGuard: CanActivateFn = () =>
  inject(SessionStore).user()?.mustChangePassword ? inject(Router).createUrlTree(['/change-password']) : true;

/** Someone already signed in has nothing to do on the login page. */
export const signedOutGuard: CanActivateFn = () =>
  isConsoleUser(inject(SessionStore).user()) ? inject(Router).createUrlTree(['/']) : true;
