import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RpcPatterns, type CaptchaView } from '@pilot/contracts';
import { RpcClient } from '@pilot/messaging';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('captcha')
  @ApiOperation({ summary: '获取图形验证码（5分钟内有效，只能使用一次，不区分大小写）' })
  captcha(): Promise<CaptchaView> {
    return this.rpc.request(RpcPatterns.identity.createCaptcha);
  }
}
