import { Module } from '@nestjs/common';
import { VerificationModule } from '../verification/verification.module';
import { PasswordsHandlers } from './passwords.handlers';
import { PasswordsService } from './passwords.service';

@Module({
  imports: [VerificationModule],
  controllers: [PasswordsHandlers],
  providers: [PasswordsService],
})
export class PasswordsModule {}
