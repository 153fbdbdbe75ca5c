import type { UserView } from '@pilot/contracts';

/** Where a signed-in college goes next: its password first, then its basic information, then work. */
export function nextPageFor(user: Pick<UserView, 'mustChangePassword' | 'profileComplete'>): string {
  if (user.mustChangePassword) return '/change-password';
  if (!user.profileComplete) return '/profile';
  return '/workspace';
}
