import { Test, type TestingModule } from '@nestjs/testing';
import { repositoryToken, StoreModule, type Repository } from '@pilot/store';
import { MONGO_URL, dropStoreOf, testDatabaseName } from '@pilot/store/testing';
import { randomBytes } from 'node:crypto';
import { ClientAddressesModule } from '../client-addresses/client-addresses.module';
import { AddressSends, AddressSendsSchema } from './address-sends.schema';
import { RecipientSends, RecipientSendsSchema } from './recipient-sends.schema';
import { SmsAllowances } from './sms-allowances';
import { SmsCode, SmsCodeSchema } from './sms-code.schema';
import { CODE_ATTEMPTS, CODE_LIFETIME_MS, hashCode } from './sms-code.service';
import { SmsCodeVerifier } from './sms-code.verifier';

describe('SMS codes being checked, in the real store', () => {
  let moduleRef: TestingModule;
  let verifier: SmsCodeVerifier;
  let codes: Repository<SmsCode>;
  let phones = 0;
  const sentAt = new Date('2026-11-29T02:00:00Z');

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [
        StoreModule.forRoot({ url: MONGO_URL, dbName: testDatabaseName('sms_code_test') }),
        StoreModule.forFeature([
          { name: SmsCode.name, schema: SmsCodeSchema },
          { name: RecipientSends.name, schema: RecipientSendsSchema },
          { name: AddressSends.name, schema: AddressSendsSchema },
        ]),
        ClientAddressesModule.register(),
      ],
      providers: [SmsCodeVerifier, SmsAllowances],
    }).compile();
    await moduleRef.init();
    verifier = moduleRef.get(SmsCodeVerifier);
    codes = moduleRef.get(repositoryToken(SmsCode.name));
  });

  afterAll(async () => {
    await dropStoreOf(moduleRef);
    await moduleRef.close();
  });

  /** A code as the issuing side stores it: hashed, with five tries and ten minutes. */
  async function issued(code: string): Promise<string> {
    const phone = `1380000${String(phones++).padStart(4, '0')}`;
    const salt = randomBytes(8).toString('hex');
    await codes.create({
      _id: `register:${phone}`,
      codeHash: hashCode(code, salt),
      salt,
      expiresAt: new Date(sentAt.getTime() + CODE_LIFETIME_MS),
      attemptsLeft: CODE_ATTEMPTS,
      version: 0,
    });
    return phone;
  }

  it('accepts the right code within ten minutes, once', async () => {
    const phone = await issued('123456');
    const justInTime = new Date(sentAt.getTime() + CODE_LIFETIME_MS - 1);
    await expect(verifier.consume('register', phone, '123456', justInTime)).resolves.toBeUndefined();
    await expect(verifier.consume('register', phone, '123456', justInTime)).rejects.toMatchObject({ code: 'SMS_CODE_EXPIRED' });
  });

  it('refuses the right code after ten minutes', async () => {
    const phone = await issued('123456');
    const late = new Date(sentAt.getTime() + CODE_LIFETIME_MS);
    await expect(verifier.consume('register', phone, '123456', late)).rejects.toMatchObject({ code: 'SMS_CODE_EXPIRED', status: 400 });
  });

  it('keeps only a hash of the code', async () => {
    const phone = await issued('654321');
    const stored = await codes.get(`register:${phone}`);
    expect(JSON.stringify(stored)).not.toContain('654321');
  });

  it('spends one try for every guess it judges, even when guesses arrive together', async () => {
    const phone = await issued('123456');
    const guesses = ['000001', '000002', '000003', '000004', '000005', '000006', '000007'];
    const at = new Date(sentAt.getTime() + 1000);
    const outcomes = await Promise.allSettled(guesses.map((guess) => verifier.consume('register', phone, guess, at)));
    const codesSeen = outcomes.map((o) => (o.status === 'rejected' ? (o.reason as { code: string }).code : 'accepted'));
    const judgedWrong = codesSeen.filter((code) => code === 'SMS_CODE_INVALID').length;
    const stored = await codes.get(`register:${phone}`);
    expect(codesSeen).not.toContain('accepted');
    expect(judgedWrong).toBeGreaterThanOrEqual(1);
    expect(judgedWrong).toBe(CODE_ATTEMPTS - (stored?.attemptsLeft ?? 0));
  });
});
