import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { RpcPatterns, type CaptchaAnswerView, type DirectoryCollegeView, type DevSmsView } from '@pilot/contracts';
import { RpcClient } from '@pilot/messaging';
import { Public } from '@pilot/runtime';
import { CaptchaIdParam } from './captcha-id.param';
import { PhoneQuery } from './phone.query';
import { TestCollegeDto } from './test-college.dto';

/** Routes for automated tests; the module is only mounted when DEV_TOOLS=1 (never in production). */
@ApiExcludeController()
@Public()
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

  /** A college of its own for each test run (a college can register only once), with the code it proves itself by. */
  @Post('directory/colleges')
  testCollege(@Body() { provinceCode }: TestCollegeDto): Promise<DirectoryCollegeView> {
    return this.rpc.request(RpcPatterns.identity.addTestCollege, { provinceCode });
  }
}
