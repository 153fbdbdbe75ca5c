import { Injectable } from '@nestjs/common';
import { ApplicationEvents, type ApplicationReviewedEvent, type EventEnvelope } from '@pilot/contracts';
import { EventHandler } from '@pilot/messaging';
import { ReviewResultsService } from './review-results.service';

@Injectable()
export class ReviewResultsHandlers {
  constructor(private readonly reviewResults: ReviewResultsService) {}

  @EventHandler(ApplicationEvents.applicationReviewed)
  reviewed(event: EventEnvelope<ApplicationReviewedEvent>) {
    return this.reviewResults.announce(event.id, event.payload);
  }
}
