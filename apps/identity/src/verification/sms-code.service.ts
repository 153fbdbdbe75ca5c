import { Injectable, Logger } from '@nestjs/common';
import {
  PlatformError,
  RpcPatterns,
  type FromClient,
  type RequestSmsCodeRequest,
  type SendSmsCommand,
  type SmsCodePurpose,
} from '@pilot/contracts';
import { RpcClient } from '@pilot/messaging';
import { InjectRepository, type Repository } from '@pilot/store';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { AccountsService, normaliseUsername } from '../accounts/accounts.service';
import { CaptchaService } from '../captcha/captcha.service';
import { normaliseAddress } from '../client-addresses/client-address';
import { SmsAllowances } from './sms-allowances';
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
    private readonly allowances: SmsAllowances,
    private readonly rpc: RpcClient,
  ) {}

  /**
   * Issues a new code after the captcha, within the client address's allowance and the
   * phone's. A password-reset code goes only to a phone that has an account, yet the caller
   * hears the same either way, limits included: nobody learns who is registered.
   */
  async request(request: FromClient<RequestSmsCodeRequest>, now = new Date()): Promise<void> {
    await this.captchas.verify(request.captchaId, request.captchaAnswer, now);
    await this.allowances.admitAddress(normaliseAddress(request.clientAddress), now);
    const { phone, countedAs } = await this.recipient(request);
    await this.allowances.admitRecipient(countedAs, now);
    if (phone) await this.issue(request.purpose, phone, now);
  }

  /** Where the code goes (if anywhere), and whose allowance the request counts against. */
  private async recipient(request: RequestSmsCodeRequest): Promise<{ phone?: string; countedAs: string }> {
    if (request.purpose === 'register') {
      if (!request.phone) throw new PlatformError('VALIDATION_FAILED', undefined, { fields: { phone: ['注册账号须填写手机号'] } });
      return { phone: request.phone, countedAs: request.phone };
    }
    if (request.username) {
      const phone = (await this.accounts.findByUsername(request.username))?.phone || undefined;
      return { phone, countedAs: phone ?? `name:${normaliseUsername(request.username)}` };
    }
    const phone = request.phone;
    if (!phone) throw new PlatformError('VALIDATION_FAILED', undefined, { fields: { phone: ['请输入手机号或账号'] } });
    const holders = await this.accounts.findByPhone(phone);
    return { phone: holders.length > 0 ? phone : undefined, countedAs: phone };
  }

  /**
   * The allowance was taken first, so this is the one code of its minute for the phone: it
   * replaces the purpose's earlier code, and the new version makes a try of the old one void.
   */
  private async issue(purpose: SmsCodePurpose, phone: string, now: Date): Promise<void> {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const salt = randomBytes(16).toString('hex');
    const fields = {
      codeHash: hashCode(code, salt),
      salt,
      expiresAt: new Date(now.getTime() + CODE_LIFETIME_MS),
      attemptsLeft: CODE_ATTEMPTS,
    };
    await this.codes.upsert(`${purpose}:${phone}`, (current) => ({ set: { ...fields, version: (current?.version ?? 0) + 1 } }));
    const command: SendSmsCommand = { phone, template: 'verification-code', params: { code, purpose } };
    await this.rpc.request(RpcPatterns.notifications.sendSms, command);
    this.logger.log({ msg: 'sms code issued', purpose });
  }
}

export function hashCode(code: string, salt: string): string {
  return createHash('sha256').update(`${salt}:${code}`).digest('hex');
}

