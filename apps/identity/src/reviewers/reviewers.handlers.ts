import { Controller } from '@nestjs/common';
import {
  RpcPatterns,
  requireRole,
  type ActorRequest,
  type CreateReviewerRequest,
  type ListReviewersRequest,
  type ReviewerAccountRequest,
} from '@pilot/contracts';
import { OnRequest } from '@pilot/messaging';
import { ReviewersService } from './reviewers.service';

@Controller()
export class ReviewersHandlers {
  constructor(private readonly reviewers: ReviewersService) {}

  @OnRequest(RpcPatterns.identity.createReviewer)
  create({ actor, ...request }: ActorRequest<CreateReviewerRequest>) {
    return this.reviewers.create(requireRole(actor, 'admin'), request);
  }

  @OnRequest(RpcPatterns.identity.disableReviewer)
  disable({ actor, reviewerId }: ActorRequest<ReviewerAccountRequest>) {
    return this.reviewers.disable(requireRole(actor, 'admin'), reviewerId);
  }

  @OnRequest(RpcPatterns.identity.enableReviewer)
  enable({ actor, reviewerId }: ActorRequest<ReviewerAccountRequest>) {
    return this.reviewers.enable(requireRole(actor, 'admin'), reviewerId);
  }

  @OnRequest(RpcPatterns.identity.listReviewers)
  list({ actor, ...request }: ActorRequest<ListReviewersRequest>) {
    requireRole(actor, 'admin');
    return this.reviewers.list(request);
  }
}
