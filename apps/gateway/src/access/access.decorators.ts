import { ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import type { Actor, Role } from '@pilot/contracts';

export const ROLES_KEY = 'pilot:roles';

/** Only these roles may call the route; without it any signed-in user may. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export interface SignedInRequest {
  actor: Actor;
}

/** The caller, as the access guard read it from the token. */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor => context.switchToHttp().getRequest<SignedInRequest>().actor,
);
