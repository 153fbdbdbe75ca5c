import { Controller } from '@nestjs/common';
import {
  PlatformError,
  RpcPatterns,
  requireRole,
  ROLES,
  type ActorRequest,
  type FromClient,
  type LoginRequest,
  type RefreshRequest,
  type SessionVersionRequest,
  type SessionVersionView,
} from '@pilot/contracts';
import { OnRequest } from '@pilot/messaging';
import { AccountsService, sessionVersionOf } from '../accounts/accounts.service';
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

  /** The gateway's question when it holds no fresh copy of the account's version. */
  @OnRequest(RpcPatterns.identity.sessionVersion)
  async sessionVersion({ accountId }: SessionVersionRequest): Promise<SessionVersionView> {
    const account = await this.accounts.findById(accountId);
    if (!account) throw new PlatformError('UNAUTHENTICATED');
    return { sessionVersion: sessionVersionOf(account) };
  }

  @OnRequest(RpcPatterns.identity.me)
  async me({ actor }: ActorRequest) {
    const account = await this.accounts.findById(requireRole(actor, ...ROLES).accountId);
    if (!account) throw new PlatformError('UNAUTHENTICATED');
    return this.views.of(account);
  }
}
