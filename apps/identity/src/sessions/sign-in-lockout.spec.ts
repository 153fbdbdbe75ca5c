import { RpcPatterns, type AuthSession, type PlatformError } from '@pilot/contracts';
import { rejectionOf } from '@pilot/messaging/testing';
import { randomInt } from 'node:crypto';
import { AccountsService } from '../accounts/accounts.service';
import { PasswordHasher } from '../accounts/password-hasher';
import { startIdentity, type IdentityUnderTest } from '../testing/identity-under-test';

jest.setTimeout(120_000);

const PASSWORD = 'Right-pass-2026';
const EXEMPT = '192.0.2.250';
let addresses = 0;
const freshAddress = () => `203.0.113.${++addresses}`;

describe('sign-in lockout by account and address, in the real store over the real broker', () => {
  let identity: IdentityUnderTest;

  beforeAll(async () => {
    identity = await startIdentity({ LIMIT_EXEMPT_ADDRESSES: EXEMPT });
  });

  afterAll(async () => {
    await identity?.close();
  });

  /** A college-like account with a known password and phone. */
  async function account(): Promise<{ username: string; phone: string }> {
    const username = `9${String(randomInt(0, 1e9)).padStart(9, '0')}`;
    const phone = `138${String(randomInt(0, 1e8)).padStart(8, '0')}`;
    const passwordHash = await identity.moduleRef.get(PasswordHasher).hash(PASSWORD);
    await identity.moduleRef
      .get(AccountsService)
      .create({ username, role: 'college', passwordHash, mustChangePassword: false, phone, displayName: '测试职业学院' }, 'USERNAME_TAKEN');
    return { username, phone };
  }

  async function signIn(username: string, password: string, clientAddress: string): Promise<AuthSession> {
    return identity.rpc.request(RpcPatterns.identity.login, { username, password, clientAddress, ...(await identity.captcha()) });
  }
  const refusal = (promise: Promise<unknown>) => rejectionOf(promise) as unknown as Promise<PlatformError & { details?: { retryAfterSeconds: number } }>;
  const codeOf = async (promise: Promise<unknown>) => (await refusal(promise)).code;

  async function failTimes(times: number, username: string, clientAddress: string): Promise<string[]> {
    const codes: string[] = [];
    for (let attempt = 0; attempt < times; attempt++) codes.push(await codeOf(signIn(username, `Wrong-pass-${attempt}`, clientAddress)));
    return codes;
  }

  it('keeps an address that failed five times out of the name for fifteen minutes, while another address signs in', async () => {
    const { username } = await account();
    const attacker = freshAddress();
    expect(await failTimes(5, username, attacker)).toEqual(['LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_FAILED', 'ACCOUNT_LOCKED']);
    const locked = await refusal(signIn(username, PASSWORD, attacker));
    expect(locked).toMatchObject({ code: 'ACCOUNT_LOCKED', status: 429, message: '登录失败次数过多，账号已暂时锁定，请15分钟后再试' });
    expect(locked.details?.retryAfterSeconds).toBeGreaterThan(14 * 60);

    const session = await signIn(username, PASSWORD, freshAddress());
    expect(session.user.username).toBe(username);
  });

  it('keeps the attacker’s lock when the college signs in from elsewhere', async () => {
    const { username } = await account();
    const attacker = freshAddress();
    await failTimes(5, username, attacker);
    await signIn(username, PASSWORD, freshAddress());
    expect(await codeOf(signIn(username, PASSWORD, attacker))).toBe('ACCOUNT_LOCKED');
  });

  it('locks an unknown name the same way, so a lock tells nothing about who exists', async () => {
    const address = freshAddress();
    expect(await failTimes(5, `ghost${randomInt(0, 1e9)}`, address)).toEqual(['LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_FAILED', 'ACCOUNT_LOCKED']);
  });

  it('locks the name for everyone after ten failures within fifteen minutes from three addresses', async () => {
    const { username } = await account();
    await failTimes(4, username, freshAddress());
    await failTimes(3, username, freshAddress());
    const third = await failTimes(3, username, freshAddress());
    expect(third[2]).toBe('ACCOUNT_LOCKED');
    expect(await codeOf(signIn(username, PASSWORD, freshAddress()))).toBe('ACCOUNT_LOCKED');
  });

  it('makes an address that fails on many names wait, saying how long, before the next try', async () => {
    const address = freshAddress();
    const codes: string[] = [];
    for (let name = 0; name < 10; name++) codes.push(...(await failTimes(1, `spray${randomInt(0, 1e9)}`, address)));
    expect(codes.slice(0, 9).every((code) => code === 'LOGIN_FAILED')).toBe(true);
    expect(codes[9]).toBe('LOGIN_THROTTLED');
    const { username } = await account();
    const waiting = await refusal(signIn(username, PASSWORD, address));
    expect(waiting).toMatchObject({ code: 'LOGIN_THROTTLED', status: 429 });
    expect(waiting.message).toMatch(/^登录失败次数过多，请\d+秒后再试$/);
    // The test machine's address is left out of this delay (LIMIT_EXEMPT_ADDRESSES), not out of the locks.
    for (let name = 0; name < 11; name++) await failTimes(1, `spray${randomInt(0, 1e9)}`, EXEMPT);
    expect((await signIn(username, PASSWORD, EXEMPT)).user.username).toBe(username);
  });

  it('lifts every lock of the name when the password is reset with an SMS code', async () => {
    const { username, phone } = await account();
    const attacker = freshAddress();
    await failTimes(5, username, attacker);
    await identity.rpc.request(RpcPatterns.identity.requestSmsCode, { phone, purpose: 'reset-password', clientAddress: freshAddress(), ...(await identity.captcha()) });
    const sent = identity.sms.find((command) => command.phone === phone);
    if (sent?.template !== 'verification-code') throw new Error('no reset code was sent');
    await identity.rpc.request(RpcPatterns.identity.resetPassword, { phone, smsCode: sent.params.code, newPassword: 'Brand-new-2026' });
    expect((await signIn(username, 'Brand-new-2026', attacker)).user.username).toBe(username);
  });

  it('lets a good sign-in clear its own address’s earlier failures', async () => {
    const { username } = await account();
    const address = freshAddress();
    await failTimes(4, username, address);
    await signIn(username, PASSWORD, address);
    expect(await failTimes(4, username, address)).toEqual(['LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_FAILED']);
  });
});
