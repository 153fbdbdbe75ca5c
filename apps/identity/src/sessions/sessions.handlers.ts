import { Injectable } from '@nestjs/common';
import { PlatformError, RpcPatterns, requireRole, ROLES, type ActorRequest, type LoginRequest, type RefreshRequest } from '@pilot/contracts';
import { RpcHandler } from '@pilot/messaging';
import { AccountsService } from '../accounts/accounts.service';
import { SessionsService } from './sessions.service';
import { UserViews } from './user-views';

@Injectable()
export class SessionsHandlers {
  constructor(
    private readonly sessions: SessionsService,
    private readonly accounts: AccountsService,
    private readonly views: UserViews,
  ) {}

  @RpcHandler(RpcPatterns.identity.login)
  login(request: LoginRequest) {
    return this.sessions.login(request);
  }

  @RpcHandler(RpcPatterns.identity.refresh)
  refresh({ refreshToken }: RefreshRequest) {
    return this.sessions.refresh(refreshToken);
  }

  @RpcHandler(RpcPatterns.identity.logout)
  logout({ refreshToken }: RefreshRequest) {
    return this.sessions.logout(refreshToken);
  }

  @RpcHandler(RpcPatterns.identity.me)
  async me({ actor }: ActorRequest) {
    const account = await this.accounts.findById(requireRole(actor, ...ROLES).accountId);
    if (!account) throw new PlatformError('UNAUTHENTICATED');
    return this.views.of(account);
  }
}
