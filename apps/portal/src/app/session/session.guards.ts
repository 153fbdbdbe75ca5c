import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { SessionStore } from '@pilot/api-client';
import { isCollege } from './college-user';

/** The portal's signed-in pages are a college's own: anyone else signs in first. */
export const collegeSignedIn: CanActivateFn = () =>
  isCollege(inject(SessionStore).user()) ? true : inject(Router).createUrlTree(['/login']);

/** A password someone else chose (the registration SMS) is replaced before anything else. */
export const passwordChanged: CanActivateFn = () =>
  inject(SessionStore).user()?.mustChangePassword ? inject(Router).createUrlTree(['/change-password']) : true;

/** Applying comes after the basic information (第一步：完善院校基础信息). */
export const profileCompleted: CanActivateFn = () =>
  inject(SessionStore).user()?.profileComplete ? true : inject(Router).createUrlTree(['/profile']);
