import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { PlatformError, type SmsCodePurpose } from '@pilot/contracts';
import { SingleWinner } from '@pilot/runtime';
import type { Connection, Model } from 'mongoose';
import { timingSafeEqual } from 'node:crypto';
import { hashCode } from './sms-code.service';
import { SmsCode } from './sms-code.schema';

/** Checks codes that registration and password resets were given. */
@Injectable()
export class SmsCodeVerifier {
  private readonly tries: SingleWinner;

  constructor(
    @InjectModel(SmsCode.name) private readonly codes: Model<SmsCode>,
    @InjectConnection() connection: Connection,
  ) {
    this.tries = new SingleWinner(connection);
  }

  /**
   * Spends the code if it is right. Each wrong try uses one of the five; the version and the
   * tries left name each try, and only one request can claim a given try.
   */
  async consume(purpose: SmsCodePurpose, phone: string, code: string, now = new Date()): Promise<void> {
    const _id = `${purpose}:${phone}`;
    const current = await this.codes.findById(_id).lean();
    if (!current || current.attemptsLeft <= 0 || current.expiresAt <= now) throw new PlatformError('SMS_CODE_EXPIRED');
    const claimed = await this.tries.claim(`sms-try:${_id}:${current.version}:${current.attemptsLeft}`, now);
    if (!claimed) throw new PlatformError('SMS_CODE_EXPIRED');
    const right = matches(hashCode(code, current.salt), current.codeHash);
    const attemptsLeft = right ? 0 : current.attemptsLeft - 1;
    await this.codes.updateOne({ _id, version: current.version }, { $set: { attemptsLeft } });
    if (!right) throw new PlatformError(attemptsLeft > 0 ? 'SMS_CODE_INVALID' : 'SMS_CODE_EXPIRED');
  }
}

function matches(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
