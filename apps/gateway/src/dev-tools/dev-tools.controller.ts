import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { RpcPatterns, type CaptchaAnswerView, type DevSmsView } from '@pilot/contracts';
import { RpcClient } from '@pilot/messaging';
import { CaptchaIdParam } from './captcha-id.param';
import { PhoneQuery } from './phone.query';

/** Routes for automated tests; the module is only mounted when DEV_TOOLS=1 (never in production). */
@ApiExcludeController()
@Controller('dev')
export class DevToolsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('captcha/:captchaId')
  captchaAnswer(@Param() { captchaId }: CaptchaIdParam): Promise<CaptchaAnswerView> {
    return this.rpc.request(RpcPatterns.identity.revealCaptcha, { captchaId });
  }

  /** The development SMS inbox of one phone, newest first. */
  @Get('sms')
  sms(@Query() { phone }: PhoneQuery): Promise<DevSmsView[]> {
    return this.rpc.request(RpcPatterns.notifications.listDevSms, { phone });
  }
}
