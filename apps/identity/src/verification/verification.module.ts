import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { SmsCode, SmsCodeSchema } from './sms-code.schema';
import { SmsCodeService } from './sms-code.service';
import { VerificationHandlers } from './verification.handlers';

@Module({
  imports: [MongooseModule.forFeature([{ name: SmsCode.name, schema: SmsCodeSchema }])],
  providers: [SmsCodeService, VerificationHandlers],
  exports: [SmsCodeService],
})
export class VerificationModule {}
