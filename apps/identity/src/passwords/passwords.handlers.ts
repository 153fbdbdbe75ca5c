import { Controller } from '@nestjs/common';
import { RpcPatterns, ROLES, requireRole, type ActorRequest, type ChangePasswordRequest, type PasswordResetRequest } from '@pilot/contracts';
import { OnRequest } from '@pilot/messaging';
import { PasswordsService } from './passwords.service';

@Controller()
export class PasswordsHandlers {
  constructor(private readonly passwords: PasswordsService) {}

  @OnRequest(RpcPatterns.identity.resetPassword)
  reset(request: PasswordResetRequest) {
    return this.passwords.reset(request);
  }

  @OnRequest(RpcPatterns.identity.changePassword)
  change({ actor, ...request }: ActorRequest<ChangePasswordRequest>) {
    return this.passwords.change(requireRole(actor, ...ROLES), request);
  }
}
