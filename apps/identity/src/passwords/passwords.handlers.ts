import { Injectable } from '@nestjs/common';
import { RpcPatterns, ROLES, requireRole, type ActorRequest, type ChangePasswordRequest, type PasswordResetRequest } from '@pilot/contracts';
import { RpcHandler } from '@pilot/messaging';
import { PasswordsService } from './passwords.service';

@Injectable()
export class PasswordsHandlers {
  constructor(private readonly passwords: PasswordsService) {}

  @RpcHandler(RpcPatterns.identity.resetPassword)
  reset(request: PasswordResetRequest) {
    return this.passwords.reset(request);
  }

  @RpcHandler(RpcPatterns.identity.changePassword)
  change({ actor, ...request }: ActorRequest<ChangePasswordRequest>) {
    return this.passwords.change(requireRole(actor, ...ROLES), request);
  }
}
