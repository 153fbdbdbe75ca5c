import { Controller } from '@nestjs/common';
import { PlatformError, RpcPatterns, requireRole, ROLES, type ActorRequest, type FromClient, type LoginRequest, type RefreshRequest } from '@pilot/contracts';
import { OnRequest } from '@pilot/messaging';
import { AccountsService } from '../accounts/accounts.service';
import { SessionsService } from './sessions.service';
import { UserViews } from './user-views';

@Controller()
export class SessionsHandlers {
  constructor(
    private readonly sessions: SessionsService,
    private readonly accounts: AccountsService,
    private readonly views: UserViews,
  ) {}

  @OnRequest(RpcPatterns.identity.login)
  login(request: FromClient<LoginRequest>) {
    return this.sessions.login(request);
  }

  @OnRequest(RpcPatterns.identity.refresh)
  refresh({ refreshToken }: RefreshRequest) {
    return this.sessions.refresh(refreshToken);
  }

  @OnRequest(RpcPatterns.identity.logout)
  logout({ refreshToken }: RefreshRequest) {
    return this.sessions.logout(refreshToken);
  }

  @OnRequest(RpcPatterns.identity.me)
  async me({ actor }: ActorRequest) {
    const account = await this.accounts.findById(requireRole(actor, ...ROLES).accountId);
    if (!account) throw new PlatformError('UNAUTHENTICATED');
    return this.views.of(account);
  }
}
