import { Module } from '@nestjs/common';
import { StoreModule } from '@pilot/store';
import { SmsCode, SmsCodeSchema } from './sms-code.schema';
import { SmsCodeService } from './sms-code.service';
import { SmsCodeVerifier } from './sms-code.verifier';
import { VerificationHandlers } from './verification.handlers';

@Module({
  imports: [StoreModule.forFeature([{ name: SmsCode.name, schema: SmsCodeSchema }])],
  controllers: [VerificationHandlers],
  providers: [SmsCodeService, SmsCodeVerifier],
  exports: [SmsCodeService, SmsCodeVerifier],
})
export class VerificationModule {}
