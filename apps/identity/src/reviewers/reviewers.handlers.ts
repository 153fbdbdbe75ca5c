import { Injectable } from '@nestjs/common';
import { RpcPatterns, requireRole, type ActorRequest, type CreateReviewerRequest, type ListReviewersRequest } from '@pilot/contracts';
import { RpcHandler } from '@pilot/messaging';
import { ReviewersService } from './reviewers.service';

@Injectable()
export class ReviewersHandlers {
  constructor(private readonly reviewers: ReviewersService) {}

  @RpcHandler(RpcPatterns.identity.createReviewer)
  create({ actor, ...request }: ActorRequest<CreateReviewerRequest>) {
    return this.reviewers.create(requireRole(actor, 'admin'), request);
  }

  @RpcHandler(RpcPatterns.identity.listReviewers)
  list({ actor, ...request }: ActorRequest<ListReviewersRequest>) {
    requireRole(actor, 'admin');
    return this.reviewers.list(request);
  }
}
