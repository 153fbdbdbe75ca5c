import { Controller } from '@nestjs/common';
import { RpcPatterns, type ActorRequest, type ListRegistrationsRequest, type RegisterRequest } from '@pilot/contracts';
import { OnRequest } from '@pilot/messaging';
import { RegistrationService } from './registration.service';
import { RegistrationsReviewService } from './registrations-review.service';

@Controller()
export class RegistrationHandlers {
  constructor(
    private readonly registration: RegistrationService,
    private readonly review: RegistrationsReviewService,
  ) {}

  @OnRequest(RpcPatterns.identity.register)
  register(request: RegisterRequest) {
    return this.registration.register(request);
  }

  @OnRequest(RpcPatterns.identity.listRegistrations)
  list({ actor, ...request }: ActorRequest<ListRegistrationsRequest>) {
    return this.review.list(actor, request);
  }

  @OnRequest(RpcPatterns.identity.revokeRegistration)
  revoke({ actor, accountId }: ActorRequest<{ accountId: string }>) {
    return this.review.revoke(actor, accountId);
  }
}
