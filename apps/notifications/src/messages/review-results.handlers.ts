import { Controller } from '@nestjs/common';
import { ApplicationEvents, type ApplicationReviewedEvent, type EventEnvelope } from '@pilot/contracts';
import { OnEvent } from '@pilot/messaging';
import { ReviewResultsService } from './review-results.service';

@Controller()
export class ReviewResultsHandlers {
  constructor(private readonly reviewResults: ReviewResultsService) {}

  @OnEvent(ApplicationEvents.applicationReviewed)
  reviewed(event: EventEnvelope<ApplicationReviewedEvent>) {
    return this.reviewResults.announce(event.id, event.payload);
  }
}
