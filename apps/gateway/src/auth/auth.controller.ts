import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RpcPatterns, type Actor, type AuthSession, type CaptchaView, type RegisterResult, type UserView } from '@pilot/contracts';
import { RpcClient } from '@pilot/messaging';
import { Public } from '@pilot/runtime';
import { CurrentActor, OpenBeforePasswordChange } from '../access/access.decorators';
import { LoginDto } from './login.dto';
import { ChangePasswordDto, PasswordResetDto } from './password.dto';
import { RefreshDto } from './refresh.dto';
import { RegisterDto } from './register.dto';
import { RequestSmsCodeDto } from './request-sms-code.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly rpc: RpcClient) {}

  @Public()
  @Get('captcha')
  @ApiOperation({ summary: '获取图形验证码（5分钟内有效，只能使用一次，不区分大小写）' })
  captcha(): Promise<CaptchaView> {
    return this.rpc.request(RpcPatterns.identity.createCaptcha);
  }

  @Public()
  @Post('sms-codes')
  @HttpCode(202)
  @ApiOperation({ summary: '发送短信验证码（需图形验证码；同一手机号60秒一次、每天最多10次；10分钟内有效，错5次作废）' })
  async smsCode(@Body() request: RequestSmsCodeDto): Promise<Record<string, never>> {
    await this.rpc.request(RpcPatterns.identity.requestSmsCode, request);
    return {};
  }

  @Public()
  @Post('register')
  @ApiOperation({ summary: '院校注册账号：返回账号和初始密码（仅此一次），并短信发送到注册手机' })
  register(@Body() request: RegisterDto): Promise<RegisterResult> {
    return this.rpc.request(RpcPatterns.identity.register, request);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: '登录（需图形验证码；连续失败5次锁定15分钟）' })
  login(@Body() request: LoginDto): Promise<AuthSession> {
    return this.rpc.request(RpcPatterns.identity.login, request);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: '用刷新令牌换取新的令牌（旧刷新令牌随即失效）' })
  refresh(@Body() request: RefreshDto): Promise<AuthSession> {
    return this.rpc.request(RpcPatterns.identity.refresh, request);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: '退出登录（刷新令牌作废；该账号此前签发的访问令牌随即失效，其他设备自动刷新）' })
  async logout(@Body() request: RefreshDto): Promise<void> {
    await this.rpc.request(RpcPatterns.identity.logout, request);
  }

  @Public()
  @Post('password-reset')
  @HttpCode(204)
  @ApiOperation({ summary: '忘记密码：按账号或手机号，凭短信验证码设置新密码（所有登录状态随即失效）' })
  async resetPassword(@Body() request: PasswordResetDto): Promise<void> {
    await this.rpc.request(RpcPatterns.identity.resetPassword, request);
  }

  @OpenBeforePasswordChange()
  @Post('password')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: '修改密码：返回新的令牌（此前签发的访问令牌随即失效，其他登录状态结束）' })
  changePassword(@CurrentActor() actor: Actor, @Body() request: ChangePasswordDto): Promise<AuthSession> {
    return this.rpc.request(RpcPatterns.identity.changePassword, { ...request, actor });
  }

  @OpenBeforePasswordChange()
  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前登录用户' })
  me(@CurrentActor() actor: Actor): Promise<UserView> {
    return this.rpc.request(RpcPatterns.identity.me, { actor });
  }
}
