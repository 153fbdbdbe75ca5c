import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module';
import { VerificationModule } from '../verification/verification.module';
import { RegistrationHandlers } from './registration.handlers';
import { RegistrationService } from './registration.service';
import { RegistrationsReviewService } from './registrations-review.service';

@Module({
  imports: [VerificationModule, RegionsModule],
  controllers: [RegistrationHandlers],
  providers: [RegistrationService, RegistrationsReviewService],
})
export class RegistrationModule {}
