import { Injectable } from '@nestjs/common';
import { PlatformError, type CaptchaAnswerView, type CaptchaView } from '@pilot/contracts';
import { InjectRepository, type Repository } from '@pilot/store';
import { randomUUID } from 'node:crypto';
import { create as drawCaptcha } from 'svg-captcha';
import { Captcha } from './captcha.schema';

export const CAPTCHA_LIFETIME_MS = 5 * 60_000;

/** Expired challenges are removed by the store's housekeeping (see CaptchaModule's `expire`). */
@Injectable()
export class CaptchaService {
  constructor(@InjectRepository(Captcha) private readonly captchas: Repository<Captcha>) {}

  async create(now = new Date()): Promise<CaptchaView> {
    // Characters that look alike (0/o, 1/l/i) are left out: a person must be able to read it.
    const picture = drawCaptcha({ size: 4, noise: 2, ignoreChars: '0oO1ilI', color: true, background: '#f0f2f5' });
    const captchaId = randomUUID();
    await this.captchas.create({
      _id: captchaId,
      answer: picture.text.toLowerCase(),
      expiresAt: new Date(now.getTime() + CAPTCHA_LIFETIME_MS),
      used: false,
    });
    return { captchaId, svg: picture.data };
  }

  /**
   * Uses the challenge up, right or wrong: only the first try, even among tries at the same
   * moment, is judged at all. The claim outlives the challenge, which has expired by the time
   * the store forgets the claim.
   */
  async verify(captchaId: string, answer: string, now = new Date()): Promise<void> {
    const first = await this.captchas.claimOnce(captchaId, 'used', CAPTCHA_LIFETIME_MS);
    const captcha = first ? await this.captchas.get(captchaId) : null;
    // `used` is only ever set by replicas from before the claim: a rolling update may meet them.
    const valid = captcha && !captcha.used && captcha.expiresAt > now && captcha.answer === answer.trim().toLowerCase();
    if (!valid) throw new PlatformError('CAPTCHA_INVALID');
  }

  async reveal(captchaId: string): Promise<CaptchaAnswerView> {
    const captcha = await this.captchas.get(captchaId);
    if (!captcha) throw new PlatformError('NOT_FOUND');
    return { captchaId, answer: captcha.answer };
  }
}
