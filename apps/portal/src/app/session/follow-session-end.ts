import { effect, inject } from '@angular/core';
import { Router } from '@angular/router';
import { SessionStore } from '@pilot/api-client';
import { collegeSignedIn } from './session.guards';

/**
 * Leaves a signed-in page for /login as soon as the session is over: signed out in another tab,
 * or the refresh token no longer accepted. Call in an injection context, once, from the root.
 */
export function followSessionEnd(): void {
  const sessions = inject(SessionStore);
  const router = inject(Router);
  effect(() => {
    if (!sessions.signedIn() && onSignedInPage(router)) void router.navigateByUrl('/login');
  });
}

function onSignedInPage(router: Router): boolean {
  let route = router.routerState.snapshot.root;
  while (route.firstChild) route = route.firstChild;
  return route.routeConfig?.canActivate?.includes(collegeSignedIn) ?? false;
}
