import { RpcPatterns, type PlatformError, type RequestSmsCodeRequest } from '@pilot/contracts';
import { rejectionOf } from '@pilot/messaging/testing';
import { randomInt } from 'node:crypto';
import { AccountsService } from '../accounts/accounts.service';
import { startIdentity, type IdentityUnderTest } from '../testing/identity-under-test';
import { ADDRESS_SENDS_PER_WINDOW } from './send-allowance';
import { SmsCodeVerifier } from './sms-code.verifier';

jest.setTimeout(60_000);

const EXEMPT = '192.0.2.250';
let addresses = 0;
/** A client address of its own for each test (documentation range, never a real client). */
const freshAddress = () => `198.51.100.${++addresses}`;
const freshPhone = () => `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;

describe('how often SMS codes may be asked for, counted in the real store over the real broker', () => {
  let identity: IdentityUnderTest;

  beforeAll(async () => {
    identity = await startIdentity({ LIMIT_EXEMPT_ADDRESSES: EXEMPT });
  });

  afterAll(async () => {
    await identity?.close();
  });

  async function ask(request: Omit<RequestSmsCodeRequest, 'captchaId' | 'captchaAnswer'> & { clientAddress: string }): Promise<void> {
    await identity.rpc.request(RpcPatterns.identity.requestSmsCode, { ...request, ...(await identity.captcha()) });
  }
  const sentTo = (phone: string) => identity.sms.filter((command) => command.phone === phone);
  const refusal = (promise: Promise<unknown>) => rejectionOf(promise) as unknown as Promise<PlatformError & { details: { retryAfterSeconds: number } }>;

  async function accountWithPhone(phone: string): Promise<void> {
    await identity.moduleRef.get(AccountsService).create(
      { username: `r${phone}`, role: 'province_reviewer', passwordHash: 'x', mustChangePassword: false, phone, displayName: '测试', provinceCode: '370000' },
      'USERNAME_TAKEN',
    );
  }

  it('refuses a sixth code in ten minutes from one address, each to a new phone with a fresh captcha, saying when to try again', async () => {
    const address = freshAddress();
    const phones = Array.from({ length: ADDRESS_SENDS_PER_WINDOW + 1 }, freshPhone);
    for (const phone of phones.slice(0, ADDRESS_SENDS_PER_WINDOW)) await ask({ phone, purpose: 'register', clientAddress: address });
    const sixth = await refusal(ask({ phone: phones[ADDRESS_SENDS_PER_WINDOW], purpose: 'register', clientAddress: address }));
    expect(sixth).toMatchObject({ code: 'SMS_ADDRESS_LIMIT', status: 429, message: '当前网络获取验证码过于频繁，请10分钟后再试' });
    expect(sixth.details.retryAfterSeconds).toBeGreaterThan(9 * 60);
    expect(sentTo(phones[ADDRESS_SENDS_PER_WINDOW])).toEqual([]);
    // Another address is not held back by this one.
    await ask({ phone: phones[ADDRESS_SENDS_PER_WINDOW], purpose: 'register', clientAddress: freshAddress() });
    expect(sentTo(phones[ADDRESS_SENDS_PER_WINDOW])).toHaveLength(1);
  });

  it('counts an address exactly when its requests arrive together', async () => {
    const address = freshAddress();
    const phones = Array.from({ length: 12 }, freshPhone);
    const outcomes = await Promise.allSettled(phones.map((phone) => ask({ phone, purpose: 'register', clientAddress: address })));
    const accepted = outcomes.filter((outcome) => outcome.status === 'fulfilled').length;
    const refusedAs = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [(outcome.reason as PlatformError).code] : []));
    expect(accepted).toBe(ADDRESS_SENDS_PER_WINDOW);
    // A request that could not get the address's turn in time is refused as too frequent too.
    expect(refusedAs).toHaveLength(phones.length - ADDRESS_SENDS_PER_WINDOW);
    expect(refusedAs.filter((code) => code !== 'SMS_ADDRESS_LIMIT' && code !== 'RATE_LIMITED')).toEqual([]);
    expect(phones.filter((phone) => sentTo(phone).length > 0)).toHaveLength(ADDRESS_SENDS_PER_WINDOW);
  });

  it('sends one code a minute to a phone whatever the purpose: a reset code right after a registration code is refused', async () => {
    const phone = freshPhone();
    await accountWithPhone(phone);
    await ask({ phone, purpose: 'register', clientAddress: freshAddress() });
    const reset = await refusal(ask({ phone, purpose: 'reset-password', clientAddress: freshAddress() }));
    expect(reset).toMatchObject({ code: 'SMS_TOO_SOON', status: 429 });
    expect(reset.message).toMatch(/^验证码发送过于频繁，请(5\d|60)秒后再试$/);
    expect(reset.details.retryAfterSeconds).toBeGreaterThan(50);
    expect(sentTo(phone).map((command) => command.template === 'verification-code' && command.params.purpose)).toEqual(['register']);
  });

  it('lets the next code follow at once when the phone’s holder has used the last one', async () => {
    const phone = freshPhone();
    await accountWithPhone(phone);
    await ask({ phone, purpose: 'register', clientAddress: freshAddress() });
    const [sent] = sentTo(phone);
    if (sent.template !== 'verification-code') throw new Error('not a code');
    await identity.moduleRef.get(SmsCodeVerifier).consume('register', phone, sent.params.code);
    await ask({ phone, purpose: 'reset-password', clientAddress: freshAddress() });
    expect(sentTo(phone)).toHaveLength(2);
  });

  it('counts a reset asked for an unknown phone or name like a known one, so the limit tells nothing', async () => {
    const phone = freshPhone();
    await ask({ phone, purpose: 'reset-password', clientAddress: freshAddress() });
    expect((await refusal(ask({ phone, purpose: 'reset-password', clientAddress: freshAddress() }))).code).toBe('SMS_TOO_SOON');
    const username = `nobody${randomInt(0, 1e9)}`;
    await ask({ username, purpose: 'reset-password', clientAddress: freshAddress() });
    expect((await refusal(ask({ username, purpose: 'reset-password', clientAddress: freshAddress() }))).code).toBe('SMS_TOO_SOON');
    expect(sentTo(phone)).toEqual([]);
  });

  it('leaves the configured exempt addresses out of the per-address count, but not out of the per-phone one', async () => {
    const phones = Array.from({ length: ADDRESS_SENDS_PER_WINDOW + 2 }, freshPhone);
    for (const phone of phones) await ask({ phone, purpose: 'register', clientAddress: EXEMPT });
    expect(phones.filter((phone) => sentTo(phone).length === 1)).toHaveLength(phones.length);
    expect((await refusal(ask({ phone: phones[0], purpose: 'register', clientAddress: EXEMPT }))).code).toBe('SMS_TOO_SOON');
  });

  it('counts a made-up address as one unknown caller, not as a new one each time', async () => {
    for (let i = 0; i < ADDRESS_SENDS_PER_WINDOW; i++) await ask({ phone: freshPhone(), purpose: 'register', clientAddress: `made-up-${i}` });
    expect((await refusal(ask({ phone: freshPhone(), purpose: 'register', clientAddress: 'made-up-last' }))).code).toBe('SMS_ADDRESS_LIMIT');
  });
});
