import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { SingleWinner } from '@pilot/runtime';
import { PlatformError, type CaptchaAnswerView, type CaptchaView } from '@pilot/contracts';
import type { Connection, Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { create as drawCaptcha } from 'svg-captcha';
import { Captcha } from './captcha.schema';

export const CAPTCHA_LIFETIME_MS = 5 * 60_000;
const PURGE_EVERY_MS = 10 * 60_000;

@Injectable()
export class CaptchaService implements OnModuleInit, OnModuleDestroy {
  private purgeTimer?: NodeJS.Timeout;
  private readonly uses: SingleWinner;

  constructor(
    @InjectModel(Captcha.name) private readonly captchas: Model<Captcha>,
    @InjectConnection() connection: Connection,
  ) {
    this.uses = new SingleWinner(connection);
  }

  /** The store has no TTL indexes (FerretDB v1), so expired challenges are removed here. */
  async onModuleInit(): Promise<void> {
    await this.captchas.init();
    this.purgeTimer = setInterval(() => void this.purgeExpired().catch(() => undefined), PURGE_EVERY_MS);
    this.purgeTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.purgeTimer);
  }

  async create(now = new Date()): Promise<CaptchaView> {
    // Characters that look alike (0/o, 1/l/i) are left out: a person must be able to read it.
    const picture = drawCaptcha({ size: 4, noise: 2, ignoreChars: '0oO1ilI', color: true, background: '#f0f2f5' });
    const captchaId = randomUUID();
    await this.captchas.create({
      _id: captchaId,
      answer: picture.text.toLowerCase(),
      expiresAt: new Date(now.getTime() + CAPTCHA_LIFETIME_MS),
    });
    return { captchaId, svg: picture.data };
  }

  /**
   * Uses the challenge up, right or wrong: only the first try, even among tries at the same
   * moment, is judged at all.
   */
  async verify(captchaId: string, answer: string, now = new Date()): Promise<void> {
    const first = await this.uses.claim(`captcha:${captchaId}`, now);
    const captcha = first ? await this.captchas.findOneAndUpdate({ _id: captchaId }, { $set: { used: true } }) : null;
    const valid = captcha && !captcha.used && captcha.expiresAt > now && captcha.answer === answer.trim().toLowerCase();
    if (!valid) throw new PlatformError('CAPTCHA_INVALID');
  }

  async reveal(captchaId: string): Promise<CaptchaAnswerView> {
    const captcha = await this.captchas.findById(captchaId).lean();
    if (!captcha) throw new PlatformError('NOT_FOUND');
    return { captchaId, answer: captcha.answer };
  }

  async purgeExpired(now = new Date()): Promise<number> {
    const { deletedCount } = await this.captchas.deleteMany({ expiresAt: { $lt: now } });
    await this.uses.forgetOlderThan(new Date(now.getTime() - CAPTCHA_LIFETIME_MS));
    return deletedCount;
  }
}
