import { Controller } from '@nestjs/common';
import { RpcPatterns, type RegisterRequest } from '@pilot/contracts';
import { OnRequest } from '@pilot/messaging';
import { RegistrationService } from './registration.service';

@Controller()
export class RegistrationHandlers {
  constructor(private readonly registration: RegistrationService) {}

  @OnRequest(RpcPatterns.identity.register)
  register(request: RegisterRequest) {
    return this.registration.register(request);
  }
}
