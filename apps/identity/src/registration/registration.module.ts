import { Module } from '@nestjs/common';
import { VerificationModule } from '../verification/verification.module';
import { RegistrationHandlers } from './registration.handlers';
import { RegistrationService } from './registration.service';

@Module({
  imports: [VerificationModule],
  controllers: [RegistrationHandlers],
  providers: [RegistrationService],
})
export class RegistrationModule {}
