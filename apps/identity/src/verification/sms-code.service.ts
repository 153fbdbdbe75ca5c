import { Injectable, Logger } from '@nestjs/common';
import { PlatformError, RpcPatterns, type RequestSmsCodeRequest, type SendSmsCommand, type SmsCodePurpose } from '@pilot/contracts';
import { RpcClient } from '@pilot/messaging';
import { InjectRepository, type Repository } from '@pilot/store';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { AccountsService } from '../accounts/accounts.service';
import { CaptchaService } from '../captcha/captcha.service';
import { decideSend } from './send-allowance';
import { SmsCode } from './sms-code.schema';

export const CODE_LIFETIME_MS = 10 * 60_000;
export const CODE_ATTEMPTS = 5;

@Injectable()
export class SmsCodeService {
  private readonly logger = new Logger('SmsCode');

  constructor(
    @InjectRepository(SmsCode) private readonly codes: Repository<SmsCode>,
    private readonly captchas: CaptchaService,
    private readonly accounts: AccountsService,
    private readonly rpc: RpcClient,
  ) {}

  /**
   * Issues a new code after the captcha. A password-reset code goes only to a phone that has
   * an account, yet the caller hears the same either way: nobody learns who is registered.
   */
  async request(request: RequestSmsCodeRequest, now = new Date()): Promise<void> {
    await this.captchas.verify(request.captchaId, request.captchaAnswer, now);
    const phone = await this.recipient(request);
    if (phone) await this.issue(request.purpose, phone, now);
  }

  private async recipient(request: RequestSmsCodeRequest): Promise<string | undefined> {
    if (request.purpose === 'register') {
      if (!request.phone) throw new PlatformError('VALIDATION_FAILED', undefined, { fields: { phone: ['注册账号须填写手机号'] } });
      return request.phone;
    }
    if (request.username) return (await this.accounts.findByUsername(request.username))?.phone || undefined;
    const holders = request.phone ? await this.accounts.findByPhone(request.phone) : [];
    return holders.length > 0 ? request.phone : undefined;
  }

  /**
   * The allowance is checked against the version read, and only one request can change that
   * version (two at once cannot both pass), or create the first one; then the SMS is sent.
   */
  private async issue(purpose: SmsCodePurpose, phone: string, now: Date): Promise<void> {
    const _id = `${purpose}:${phone}`;
    const history = await this.codes.get(_id);
    const decision = decideSend(history, now);
    if (!decision.allowed) throw new PlatformError(decision.reason);

    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const salt = randomBytes(16).toString('hex');
    const fields = {
      codeHash: hashCode(code, salt),
      salt,
      expiresAt: new Date(now.getTime() + CODE_LIFETIME_MS),
      attemptsLeft: CODE_ATTEMPTS,
      lastSentAt: now,
      day: decision.day,
      sentToday: decision.sentToday,
    };
    if (history) await this.codes.change(history, { set: fields }, { conflict: 'SMS_TOO_SOON' });
    else await this.codes.create({ _id, ...fields, version: 0 }, { taken: 'SMS_TOO_SOON' });
    const command: SendSmsCommand = { phone, template: 'verification-code', params: { code, purpose } };
    await this.rpc.request(RpcPatterns.notifications.sendSms, command);
    this.logger.log({ msg: 'sms code issued', purpose, sentToday: decision.sentToday });
  }
}

export function hashCode(code: string, salt: string): string {
  return createHash('sha256').update(`${salt}:${code}`).digest('hex');
}

