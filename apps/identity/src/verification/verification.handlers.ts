import { Injectable } from '@nestjs/common';
import { RpcPatterns, type RequestSmsCodeRequest } from '@pilot/contracts';
import { RpcHandler } from '@pilot/messaging';
import { SmsCodeService } from './sms-code.service';

@Injectable()
export class VerificationHandlers {
  constructor(private readonly smsCodes: SmsCodeService) {}

  @RpcHandler(RpcPatterns.identity.requestSmsCode)
  requestSmsCode(request: RequestSmsCodeRequest) {
    return this.smsCodes.request(request);
  }
}
