import type { TestingModule } from '@nestjs/testing';
import { ACCESS_TOKEN_FORMAT, type AccessClaims } from '@pilot/access-tokens';
import { IdentityEvents, PlatformError, type Actor, type AuthSession } from '@pilot/contracts';
import { serviceUnderTest, type ServiceUnderTest } from '@pilot/foundation/testing';
import { eventually, type EventTap } from '@pilot/messaging/testing';
import { loadConfig } from '@pilot/runtime';
import { repositoryToken, type Repository } from '@pilot/store';
import { verify } from 'jsonwebtoken';
import { randomBytes, randomUUID } from 'node:crypto';
import { AccountsService } from '../accounts/accounts.service';
import { PasswordHasher } from '../accounts/password-hasher';
import { CaptchaService } from '../captcha/captcha.service';
import { IdentityConfig } from '../identity.config';
import { IdentityModule } from '../identity.module';
import { PasswordsService } from '../passwords/passwords.service';
import { SmsCode } from '../verification/sms-code.schema';
import { CODE_ATTEMPTS, CODE_LIFETIME_MS, hashCode } from '../verification/sms-code.service';
import { SessionsHandlers } from './sessions.handlers';
import { SessionsService } from './sessions.service';

// Identity's modules start (and seed their regions) slowly on a busy machine.
jest.setTimeout(120_000);

const INITIAL = 'Initial-2026';
const CHANGED = 'Changed-2026';

/**
 * The session version each access token carries, moved on by signing out, changing and resetting
 * the password, and announced for the gateway; on the real store and broker.
 */
describe('session versions in identity', () => {
  let under: ServiceUnderTest;
  let moduleRef: TestingModule;
  let tap: EventTap;
  let config: IdentityConfig;
  let accounts: AccountsService;
  let sessions: SessionsService;

  beforeAll(async () => {
    under = await serviceUnderTest(
      'identity-versions',
      ({ service, database, exchange }) => {
        config = loadConfig(IdentityConfig, { MONGO_DB: database, EVENTS_EXCHANGE: exchange });
        return [IdentityModule.register(config, service)];
      },
      IdentityEvents.accountSessionsEnded,
    );
    ({ moduleRef, tap } = under);
    accounts = moduleRef.get(AccountsService);
    sessions = moduleRef.get(SessionsService);
  });

  afterAll(() => under.stop());

  const claimsOf = (session: AuthSession) =>
    verify(session.accessToken, config.JWT_SECRET, { algorithms: [ACCESS_TOKEN_FORMAT.algorithm], issuer: ACCESS_TOKEN_FORMAT.issuer, audience: ACCESS_TOKEN_FORMAT.audience }) as AccessClaims;

  const college = async () => {
    const phone = `139${String(randomBytes(4).readUInt32BE() % 100_000_000).padStart(8, '0')}`;
    const account = await accounts.create(
      {
        username: String(4_000_000_000 + (randomBytes(4).readUInt32BE() % 999_999_999)),
        role: 'college',
        passwordHash: await moduleRef.get(PasswordHasher).hash(INITIAL),
        mustChangePassword: true,
        phone,
        displayName: '测试职业学院',
        collegeId: randomUUID(),
        provinceCode: '370000',
        cityCode: '370100',
      },
      'COLLEGE_ALREADY_REGISTERED',
    );
    return account;
  };

  const signIn = async (username: string, password = INITIAL) => {
    const captchas = moduleRef.get(CaptchaService);
    const { captchaId } = await captchas.create();
    return sessions.login({ username, password, captchaId, captchaAnswer: (await captchas.reveal(captchaId)).answer, clientAddress: '127.0.0.1' });
  };

  const actorOf = (session: AuthSession): Actor => ({ accountId: session.user.id, username: session.user.username, role: session.user.role, sessionId: claimsOf(session).sid });
  const versionOf = async (accountId: string) => (await moduleRef.get(SessionsHandlers).sessionVersion({ accountId })).sessionVersion;
  const announced = (accountId: string) =>
    eventually(() => {
      const found = tap.events.filter((event) => (event.payload as { accountId: string }).accountId === accountId).map((event) => event.payload);
      return found.length > 0 ? found : null;
    });

  it('starts at 0, carried by the first tokens with the first-password-change mark', async () => {
    const account = await college();
    const session = await signIn(account.username);
    expect(claimsOf(session)).toMatchObject({ sub: account.id, sv: 0, mcp: true });
    expect(await versionOf(account.id)).toBe(0);
  });

  it('moves on when a sign-in ends, and is announced; the other sign-ins refresh into the new version', async () => {
    const account = await college();
    const leaving = await signIn(account.username);
    const staying = await signIn(account.username);
    await sessions.logout(leaving.refreshToken);
    expect(await versionOf(account.id)).toBe(1);
    expect(await announced(account.id)).toEqual([{ accountId: account.id, sessionVersion: 1, reason: 'logout' }]);
    expect(claimsOf(await sessions.refresh(staying.refreshToken)).sv).toBe(1);
    await expect(sessions.refresh(leaving.refreshToken)).rejects.toMatchObject({ code: 'SESSION_ENDED' });
    await sessions.logout(leaving.refreshToken);
    expect(await versionOf(account.id)).toBe(1);
  });

  it('moves on with a password change, which answers the changing sign-in with new tokens of the new version, without the mark', async () => {
    const account = await college();
    const here = await signIn(account.username);
    const elsewhere = await signIn(account.username);
    const renewed = await moduleRef.get(PasswordsService).change(actorOf(here), { oldPassword: INITIAL, newPassword: CHANGED });

    const claims = claimsOf(renewed);
    expect(claims).toMatchObject({ sub: account.id, sid: claimsOf(here).sid, sv: 1 });
    expect(claims.mcp).toBeUndefined();
    expect(renewed.user.mustChangePassword).toBe(false);
    expect(await announced(account.id)).toEqual([{ accountId: account.id, sessionVersion: 1, reason: 'password-changed' }]);
    expect(claimsOf(await sessions.refresh(renewed.refreshToken)).sv).toBe(1);
    await expect(sessions.refresh(elsewhere.refreshToken)).rejects.toMatchObject({ code: 'SESSION_ENDED' });
  });

  it('moves on with a password reset, which ends every sign-in', async () => {
    const account = await college();
    const before = await signIn(account.username);
    const salt = randomBytes(8).toString('hex');
    const sentAt = new Date();
    await moduleRef.get<Repository<SmsCode>>(repositoryToken(SmsCode.name)).create({
      _id: `reset-password:${account.phone}`,
      codeHash: hashCode('654321', salt),
      salt,
      expiresAt: new Date(sentAt.getTime() + CODE_LIFETIME_MS),
      attemptsLeft: CODE_ATTEMPTS,
      version: 0,
    });
    await moduleRef.get(PasswordsService).reset({ phone: account.phone, smsCode: '654321', newPassword: CHANGED });
    expect(await versionOf(account.id)).toBe(1);
    expect(await announced(account.id)).toEqual([{ accountId: account.id, sessionVersion: 1, reason: 'password-reset' }]);
    await expect(sessions.refresh(before.refreshToken)).rejects.toMatchObject({ code: 'SESSION_ENDED' });
    expect(claimsOf(await signIn(account.username, CHANGED))).toMatchObject({ sv: 1 });
  });

  it('answers the gateway’s question about an unknown account as unauthenticated', async () => {
    const asked = moduleRef.get(SessionsHandlers).sessionVersion({ accountId: '000000000000000000000000' });
    await expect(asked).rejects.toBeInstanceOf(PlatformError);
    await expect(asked).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
