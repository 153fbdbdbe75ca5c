import { Injectable } from '@nestjs/common';
import { PlatformError, type ErrorCode, type SmsCodePurpose } from '@pilot/contracts';
import { InjectRepository, type Repository } from '@pilot/store';
import { timingSafeEqual } from 'node:crypto';
import { SmsAllowances } from './sms-allowances';
import { hashCode } from './sms-code.service';
import { SmsCode } from './sms-code.schema';

/** A second secret that the same try must get right, and what a try that gets only the code right hears. */
export interface AlsoProven {
  proven: boolean;
  mismatch: ErrorCode;
}

/** Checks codes that registration and password resets were given. */
@Injectable()
export class SmsCodeVerifier {
  constructor(
    @InjectRepository(SmsCode) private readonly codes: Repository<SmsCode>,
    private readonly allowances: SmsAllowances,
  ) {}

  /**
   * Spends the code if it is right. Each wrong try uses one of the five. Every judged try is a
   * change of the version it read, and of tries of one version exactly one wins: the others
   * are not judged, and hear that the code is spent.
   *
   * With `also`, the try must get a second secret right too (a college's identification code):
   * a right code with a wrong second secret spends a try as well, so that the second secret
   * cannot be guessed without a fresh SMS code every five guesses.
   */
  async consume(purpose: SmsCodePurpose, phone: string, code: string, now = new Date(), also?: AlsoProven): Promise<void> {
    const current = await this.codes.get(`${purpose}:${phone}`);
    if (!current || current.attemptsLeft <= 0 || current.expiresAt <= now) throw new PlatformError('SMS_CODE_EXPIRED');
    const right = matches(hashCode(code, current.salt), current.codeHash);
    const accepted = right && (also?.proven ?? true);
    const attemptsLeft = accepted ? 0 : current.attemptsLeft - 1;
    await this.codes.change(current, { set: { attemptsLeft } }, { conflict: 'SMS_CODE_EXPIRED' });
    if (accepted) {
      await this.allowances.codeUsed(phone, now);
      return;
    }
    if (right && also) throw new PlatformError(also.mismatch);
    throw new PlatformError(attemptsLeft > 0 ? 'SMS_CODE_INVALID' : 'SMS_CODE_EXPIRED');
  }
}

function matches(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
