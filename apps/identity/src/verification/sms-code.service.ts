import { Injectable, Logger } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { SingleWinner, isDuplicateKeyError } from '@pilot/runtime';
import { PlatformError, RpcPatterns, type RequestSmsCodeRequest, type SendSmsCommand, type SmsCodePurpose } from '@pilot/contracts';
import { RpcClient } from '@pilot/messaging';
import type { Connection, Model } from 'mongoose';
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
  private readonly steps: SingleWinner;

  constructor(
    @InjectModel(SmsCode.name) private readonly codes: Model<SmsCode>,
    private readonly captchas: CaptchaService,
    private readonly accounts: AccountsService,
    private readonly rpc: RpcClient,
    @InjectConnection() connection: Connection,
  ) {
    this.steps = new SingleWinner(connection);
  }

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
   * The allowance is checked against the version read, and only one request can move that
   * version on (two at once cannot both pass); then the SMS is sent.
   */
  private async issue(purpose: SmsCodePurpose, phone: string, now: Date): Promise<void> {
    const _id = `${purpose}:${phone}`;
    const history = await this.codes.findById(_id).lean();
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
    if (history) {
      const won = await this.steps.claim(`sms-code:${_id}:${history.version}`, now);
      const updated = won && (await this.codes.updateOne({ _id, version: history.version }, { $set: fields, $inc: { version: 1 } }));
      if (!updated || updated.modifiedCount !== 1) throw new PlatformError('SMS_TOO_SOON');
    } else {
      await this.codes.create({ _id, ...fields, version: 0 }).catch((err: unknown) => {
        if (isDuplicateKeyError(err)) throw new PlatformError('SMS_TOO_SOON');
        throw err;
      });
    }
    const command: SendSmsCommand = { phone, template: 'verification-code', params: { code, purpose } };
    await this.rpc.request(RpcPatterns.notifications.sendSms, command);
    this.logger.log({ msg: 'sms code issued', purpose, sentToday: decision.sentToday });
  }
}

export function hashCode(code: string, salt: string): string {
  return createHash('sha256').update(`${salt}:${code}`).digest('hex');
}

