import { Controller } from '@nestjs/common';
import { RpcPatterns, type Actor } from '@pilot/contracts';
import { OnRequest } from '@pilot/messaging';
import { AccountsService } from '../accounts/accounts.service';
import { actorOf } from './user-views';

/**
 * Whose account a name is, for the gateway's audit log: a failed sign-in lies in the province of
 * the account it was for. Only the gateway asks, and the caller of the sign-in is never told.
 */
@Controller()
export class AccountLocatorHandlers {
  constructor(private readonly accounts: AccountsService) {}

  @OnRequest(RpcPatterns.identity.locateAccount)
  async locate({ username }: { username: string }): Promise<Actor | null> {
    const account = await this.accounts.findByUsername(username);
    return account ? actorOf(account) : null;
  }
}
