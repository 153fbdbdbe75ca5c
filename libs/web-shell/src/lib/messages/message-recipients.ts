import { InjectionToken } from '@angular/core';
import type { UserView } from '@pilot/contracts';

/** Which signed-in users have in-app messages in this app: colleges in the portal, province reviewers in the console. */
export const RECEIVES_MESSAGES = new InjectionToken<(user: UserView | null | undefined) => boolean>('RECEIVES_MESSAGES', {
  providedIn: 'root',
  factory: () => () => false,
});
