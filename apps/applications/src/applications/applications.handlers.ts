import { Controller } from '@nestjs/common';
import { RpcPatterns, type ActorRequest, type DraftChange, type DraftFields, type ListApplicationsRequest, type ReviewRequest } from '@pilot/contracts';
import { OnRequest } from '@pilot/messaging';
import { ApplicationQueriesService } from './application-queries.service';
import { DraftingService } from './drafting.service';
import { ReviewsService } from './reviews.service';

@Controller()
export class ApplicationsHandlers {
  constructor(
    private readonly queries: ApplicationQueriesService,
    private readonly drafting: DraftingService,
    private readonly reviews: ReviewsService,
  ) {}

  @OnRequest(RpcPatterns.applications.list)
  list({ actor, ...request }: ActorRequest<ListApplicationsRequest>) {
    return this.queries.list(actor, request);
  }

  @OnRequest(RpcPatterns.applications.get)
  get({ actor, id }: ActorRequest<{ id: string }>) {
    return this.queries.get(actor, id);
  }

  @OnRequest(RpcPatterns.applications.certificateTotals)
  certificateTotals({ actor, planId }: ActorRequest<{ planId: string }>) {
    return this.queries.certificateTotals(actor, planId);
  }

  @OnRequest(RpcPatterns.applications.create)
  create({ actor, ...fields }: ActorRequest<DraftFields>) {
    return this.drafting.create(actor, fields);
  }

  @OnRequest(RpcPatterns.applications.update)
  update({ actor, id, ...change }: ActorRequest<DraftChange & { id: string }>) {
    return this.drafting.update(actor, id, change);
  }

  @OnRequest(RpcPatterns.applications.delete)
  async delete({ actor, id }: ActorRequest<{ id: string }>) {
    await this.drafting.delete(actor, id);
    return { deleted: true };
  }

  @OnRequest(RpcPatterns.applications.submit)
  submit({ actor, id }: ActorRequest<{ id: string }>) {
    return this.drafting.submit(actor, id);
  }

  @OnRequest(RpcPatterns.applications.review)
  review({ actor, id, ...request }: ActorRequest<ReviewRequest & { id: string }>) {
    return this.reviews.review(actor, id, request);
  }
}
