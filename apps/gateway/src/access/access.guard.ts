import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessTokens } from '@pilot/access-tokens';
import { PlatformError, type Role } from '@pilot/contracts';
import { PUBLIC_ROUTE } from '@pilot/runtime';
import type { Request } from 'express';
import { ROLES_KEY, type SignedInRequest } from './access.decorators';

/**
 * Every route needs a valid access token unless it is marked public; `@Roles` narrows who.
 * The services check the role and scope again against their own data.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & Partial<SignedInRequest>>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw new PlatformError('UNAUTHENTICATED');
    request.actor = this.tokens.verify(token);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(request.actor.role)) throw new PlatformError('FORBIDDEN');
    return true;
  }
}
