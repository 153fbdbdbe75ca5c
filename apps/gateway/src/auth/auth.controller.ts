import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PlatformError, RpcPatterns, type Actor, type AuthSession, type CaptchaView, type ErrorCode, type RegisterResult, type SmsCodeAccepted, type UserView } from '@pilot/contracts';
import { RpcClient } from '@pilot/messaging';
import { Public } from '@pilot/runtime';
import { CurrentActor, OpenBeforePasswordChange } from '../access/access.decorators';
import { ClientAddress } from '../http/client-address.decorator';
import { Audited, NoteForAudit, type AuditNote } from '../audit/audited';
import { registeringCollege, registrant, resetRequester, resetSummary, signInAction, signInActor } from '../audit/audit-rules';
import { LoginDto } from './login.dto';
import { ChangePasswordDto, PasswordResetDto } from './password.dto';
import { RefreshDto } from './refresh.dto';
import { RegisterDto } from './register.dto';
import { RequestSmsCodeDto } from './request-sms-code.dto';

const REFUSED_SIGN_IN = new Set<ErrorCode>(['LOGIN_FAILED', 'ACCOUNT_LOCKED', 'CAPTCHA_INVALID', 'LOGIN_THROTTLED', 'ACCOUNT_DISABLED']);
/** Only the audit entry waits for it: the refusal is not held up long. */
const LOCATE_TIMEOUT_MS = 3_000;

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
  @ApiOperation({
    summary:
      '发送短信验证码（需图形验证码；同一手机号不论用途60秒一次（上一条已使用则不必等待）、每天最多10次；同一网络地址10分钟内最多5次、每天最多30次；10分钟内有效，错5次作废）',
  })
  async smsCode(@Body() request: RequestSmsCodeDto, @ClientAddress() clientAddress: string): Promise<SmsCodeAccepted> {
    await this.rpc.request(RpcPatterns.identity.requestSmsCode, { ...request, clientAddress });
    return {};
  }

  @Public()
  @Post('register')
  @ApiOperation({ summary: '院校注册账号：返回账号和初始密码（仅此一次），并短信发送到注册手机' })
  @Audited('account.registered', { actor: registrant, target: registeringCollege })
  register(@Body() request: RegisterDto): Promise<RegisterResult> {
    return this.rpc.request(RpcPatterns.identity.register, request);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary:
      '登录（需图形验证码；同一网络地址对同一账号15分钟内失败5次，该地址锁定15分钟并逐次加倍；3个以上地址15分钟内共失败10次，账号对所有人锁定15分钟；同一地址1小时内失败10次后每次须等待，从15秒起加倍）',
  })
  @Audited(signInAction, { actor: signInActor })
  async login(@Body() request: LoginDto, @ClientAddress() clientAddress: string, @NoteForAudit() note: AuditNote): Promise<AuthSession> {
    try {
      return await this.rpc.request(RpcPatterns.identity.login, { ...request, clientAddress });
    } catch (err) {
      // A refused sign-in is recorded as the account it was for (its province's reviewers see it), when there is one.
      if (err instanceof PlatformError && REFUSED_SIGN_IN.has(err.code)) {
        note.account = await this.rpc.request(RpcPatterns.identity.locateAccount, { username: request.username }, LOCATE_TIMEOUT_MS).catch(() => null);
      }
      throw err;
    }
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
  @Audited('auth.signed-out')
  async logout(@Body() request: RefreshDto, @NoteForAudit() note: AuditNote): Promise<void> {
    note.account = await this.rpc.request(RpcPatterns.identity.logout, request);
  }

  @Public()
  @Post('password-reset')
  @HttpCode(204)
  @ApiOperation({ summary: '忘记密码：按账号或手机号，凭短信验证码设置新密码（所有登录状态随即失效）' })
  @Audited('auth.password-reset', { actor: resetRequester, summary: resetSummary })
  async resetPassword(@Body() request: PasswordResetDto, @NoteForAudit() note: AuditNote): Promise<void> {
    note.account = await this.rpc.request(RpcPatterns.identity.resetPassword, request);
  }

  @OpenBeforePasswordChange()
  @Post('password')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: '修改密码：返回新的令牌（此前签发的访问令牌随即失效，其他登录状态结束）' })
  @Audited('auth.password-changed')
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
