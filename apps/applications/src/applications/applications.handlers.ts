import { Injectable } from '@nestjs/common';
import { RpcPatterns, type ActorRequest, type ListApplicationsRequest, type ReviewRequest } from '@pilot/contracts';
import { RpcHandler } from '@pilot/messaging';
import { ApplicationQueriesService } from './application-queries.service';
import { DraftingService, type DraftChange, type DraftFields } from './drafting.service';
import { ReviewsService } from './reviews.service';

@Injectable()
export class ApplicationsHandlers {
  constructor(
    private readonly queries: ApplicationQueriesService,
    private readonly drafting: DraftingService,
    private readonly reviews: ReviewsService,
  ) {}

  @RpcHandler(RpcPatterns.applications.list)
  list({ actor, ...request }: ActorRequest<ListApplicationsRequest>) {
    return this.queries.list(actor, request);
  }

  @RpcHandler(RpcPatterns.applications.get)
  get({ actor, id }: ActorRequest<{ id: string }>) {
    return this.queries.get(actor, id);
  }

  @RpcHandler(RpcPatterns.applications.certificateTotals)
  certificateTotals({ actor, planId }: ActorRequest<{ planId: string }>) {
    return this.queries.certificateTotals(actor, planId);
  }

  @RpcHandler(RpcPatterns.applications.create)
  create({ actor, ...fields }: ActorRequest<DraftFields>) {
    return this.drafting.create(actor, fields);
  }

  @RpcHandler(RpcPatterns.applications.update)
  update({ actor, id, ...change }: ActorRequest<DraftChange & { id: string }>) {
    return this.drafting.update(actor, id, change);
  }

  @RpcHandler(RpcPatterns.applications.delete)
  async delete({ actor, id }: ActorRequest<{ id: string }>) {
    await this.drafting.delete(actor, id);
    return { deleted: true };
  }

  @RpcHandler(RpcPatterns.applications.submit)
  submit({ actor, id }: ActorRequest<{ id: string }>) {
    return this.drafting.submit(actor, id);
  }

  @RpcHandler(RpcPatterns.applications.review)
  review({ actor, id, ...request }: ActorRequest<ReviewRequest & { id: string }>) {
    return this.reviews.review(actor, id, request);
  }
}
