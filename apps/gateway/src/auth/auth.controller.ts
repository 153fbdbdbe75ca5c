import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RpcPatterns, type CaptchaView } from '@pilot/contracts';
import { RpcClient } from '@pilot/messaging';
import { RequestSmsCodeDto } from './request-sms-code.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('captcha')
  @ApiOperation({ summary: '获取图形验证码（5分钟内有效，只能使用一次，不区分大小写）' })
  captcha(): Promise<CaptchaView> {
    return this.rpc.request(RpcPatterns.identity.createCaptcha);
  }

  @Post('sms-codes')
  @HttpCode(202)
  @ApiOperation({ summary: '发送短信验证码（需图形验证码；同一手机号60秒一次、每天最多10次；10分钟内有效）' })
  async smsCode(@Body() request: RequestSmsCodeDto): Promise<Record<string, never>> {
    await this.rpc.request(RpcPatterns.identity.requestSmsCode, request);
    return {};
  }
}
