import { Injectable } from '@nestjs/common';
import { RpcPatterns, type RegisterRequest } from '@pilot/contracts';
import { RpcHandler } from '@pilot/messaging';
import { RegistrationService } from './registration.service';

@Injectable()
export class RegistrationHandlers {
  constructor(private readonly registration: RegistrationService) {}

  @RpcHandler(RpcPatterns.identity.register)
  register(request: RegisterRequest) {
    return this.registration.register(request);
  }
}
