import { Test, type TestingModule } from '@nestjs/testing';
import { PlatformError } from '@pilot/contracts';
import { repositoryToken, StoreHousekeeping, StoreModule, type Repository } from '@pilot/store';
import { MONGO_URL, dropStoreOf, testDatabaseName } from '@pilot/store/testing';
import { CaptchaModule } from './captcha.module';
import { Captcha } from './captcha.schema';
import { CAPTCHA_LIFETIME_MS, CaptchaService } from './captcha.service';

describe('captchas in the real store', () => {
  let moduleRef: TestingModule;
  let captchas: CaptchaService;
  let stored: Repository<Captcha>;

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [
        StoreModule.forRoot({ url: MONGO_URL, dbName: testDatabaseName('captcha_test') }),
        CaptchaModule.register({ devTools: false }),
      ],
    }).compile();
    await moduleRef.init();
    captchas = moduleRef.get(CaptchaService);
    stored = moduleRef.get(repositoryToken(Captcha.name));
  });

  afterAll(async () => {
    await dropStoreOf(moduleRef);
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
    expect((await moduleRef.get(StoreHousekeeping).run())['captchas']).toBeGreaterThanOrEqual(1);
    expect(await stored.get(captchaId)).toBeNull();
  });

  it('refuses an unknown captcha', async () => {
    await expect(captchas.verify('00000000-0000-4000-8000-000000000000', 'abcd')).rejects.toMatchObject({ code: 'CAPTCHA_INVALID' });
  });
});
