import { getConnectionToken, getModelToken, MongooseModule } from '@nestjs/mongoose';
import { Test, type TestingModule } from '@nestjs/testing';
import { PlatformError } from '@pilot/contracts';
import type { Connection, Model } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { Captcha, CaptchaSchema } from './captcha.schema';
import { CAPTCHA_LIFETIME_MS, CaptchaService } from './captcha.service';

const MONGO_URL = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';

describe('captchas in the real store', () => {
  let moduleRef: TestingModule;
  let captchas: CaptchaService;
  let model: Model<Captcha>;

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [
        MongooseModule.forRoot(MONGO_URL, { dbName: `captcha_test_${randomBytes(4).toString('hex')}` }),
        MongooseModule.forFeature([{ name: Captcha.name, schema: CaptchaSchema }]),
      ],
      providers: [CaptchaService],
    }).compile();
    await moduleRef.init();
    captchas = moduleRef.get(CaptchaService);
    model = moduleRef.get(getModelToken(Captcha.name));
  });

  afterAll(async () => {
    await moduleRef.get<Connection>(getConnectionToken()).dropDatabase();
    await moduleRef.close();
  });

  const answerOf = async (captchaId: string) => (await captchas.reveal(captchaId)).answer;

  it('draws an SVG picture and keeps only a lower-cased four-character answer', async () => {
    const { captchaId, svg } = await captchas.create();
    expect(svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
    expect(await answerOf(captchaId)).toMatch(/^[a-z2-9]{4}$/);
  });

  it('accepts the answer in any case, once', async () => {
    const { captchaId } = await captchas.create();
    const answer = await answerOf(captchaId);
    await expect(captchas.verify(captchaId, ` ${answer.toUpperCase()} `)).resolves.toBeUndefined();
    await expect(captchas.verify(captchaId, answer)).rejects.toMatchObject({ code: 'CAPTCHA_INVALID', status: 400 });
  });

  it('is used up by a wrong answer too, so it cannot be guessed at', async () => {
    const { captchaId } = await captchas.create();
    const answer = await answerOf(captchaId);
    await expect(captchas.verify(captchaId, 'zzzz')).rejects.toBeInstanceOf(PlatformError);
    await expect(captchas.verify(captchaId, answer)).rejects.toMatchObject({ code: 'CAPTCHA_INVALID' });
  });

  it('lets only one of two simultaneous answers pass', async () => {
    const { captchaId } = await captchas.create();
    const answer = await answerOf(captchaId);
    const outcomes = await Promise.allSettled([captchas.verify(captchaId, answer), captchas.verify(captchaId, answer)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('expires after five minutes, and expired ones are purged', async () => {
    const issuedAt = new Date(Date.now() - CAPTCHA_LIFETIME_MS - 1000);
    const { captchaId } = await captchas.create(issuedAt);
    const answer = await answerOf(captchaId);
    await expect(captchas.verify(captchaId, answer)).rejects.toMatchObject({ code: 'CAPTCHA_INVALID' });
    expect(await captchas.purgeExpired()).toBeGreaterThanOrEqual(1);
    expect(await model.findById(captchaId)).toBeNull();
  });

  it('refuses an unknown captcha', async () => {
    await expect(captchas.verify('00000000-0000-4000-8000-000000000000', 'abcd')).rejects.toMatchObject({ code: 'CAPTCHA_INVALID' });
  });
});
