import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard, type IAuthModuleOptions } from '@nestjs/passport';
import type { TokenHolder } from '@pilot/access-tokens';
import { PlatformError, type Role } from '@pilot/contracts';
import { PUBLIC_ROUTE } from '@pilot/runtime';
import { TokenExpiredError } from 'jsonwebtoken';
import { BEFORE_PASSWORD_CHANGE_KEY, ROLES_KEY, type SignedInRequest } from './access.decorators';
import { SessionVersions } from './session-versions';

/**
 * Every route needs a valid access token unless it is marked public. On top of passport's check
 * of the token (JwtStrategy), in this order: the token must not be revoked (its session version
 * is the account's current one), an account that must change its password may only do that,
 * and `@Roles` narrows who. The services check the role and scope again against their own data.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly versions: SessionVersions,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    await super.canActivate(context);
    const request = context.switchToHttp().getRequest<SignedInRequest>();
    const { actor, sessionVersion, mustChangePassword } = request.tokenHolder;
    if (sessionVersion < (await this.versions.current(actor.accountId))) throw new PlatformError('TOKEN_REVOKED');
    if (mustChangePassword && !this.reflector.getAllAndOverride<boolean>(BEFORE_PASSWORD_CHANGE_KEY, targets)) {
      throw new PlatformError('PASSWORD_CHANGE_REQUIRED');
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(actor.role)) throw new PlatformError('FORBIDDEN');
    request.actor = actor;
    return true;
  }

  override getAuthenticateOptions(): IAuthModuleOptions {
    return { session: false, property: 'tokenHolder' };
  }

  /** Passport's verdict in the platform's codes: an expired token is told apart, so that the holder refreshes it. */
  override handleRequest<T = TokenHolder>(err: unknown, holder: T | false, info: unknown): T {
    if (err) throw err;
    if (info instanceof TokenExpiredError) throw new PlatformError('TOKEN_EXPIRED');
    if (!holder) throw new PlatformError('UNAUTHENTICATED');
    return holder;
  }
}
