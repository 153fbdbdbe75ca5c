import { ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import type { TokenHolder } from '@pilot/access-tokens';
import type { Actor, Role } from '@pilot/contracts';

export const ROLES_KEY = 'pilot:roles';
export const BEFORE_PASSWORD_CHANGE_KEY = 'pilot:before-password-change';

/** Only these roles may call the route; without it any signed-in user may. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/**
 * Open to an account whose password was chosen by someone else and not yet changed: changing
 * it, and reading who is signed in. Every other signed-in route waits for the change.
 */
export const OpenBeforePasswordChange = () => SetMetadata(BEFORE_PASSWORD_CHANGE_KEY, true);

export interface SignedInRequest {
  actor: Actor;
  /** What the verified access token says (set by the passport strategy). */
  tokenHolder: TokenHolder;
}

/** The caller, as the access guard read it from the token. */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor => context.switchToHttp().getRequest<SignedInRequest>().actor,
);
