import { Controller } from '@nestjs/common';
import { RpcPatterns, type FromClient, type RequestSmsCodeRequest } from '@pilot/contracts';
import { OnRequest } from '@pilot/messaging';
import { SmsCodeService } from './sms-code.service';

@Controller()
export class VerificationHandlers {
  constructor(private readonly smsCodes: SmsCodeService) {}

  @OnRequest(RpcPatterns.identity.requestSmsCode)
  requestSmsCode(request: FromClient<RequestSmsCodeRequest>) {
    return this.smsCodes.request(request);
  }
}
