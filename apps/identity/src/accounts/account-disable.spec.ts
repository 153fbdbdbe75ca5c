import type { TestingModule } from '@nestjs/testing';
import { IdentityEvents, PlatformError, type AccountDisabledEvent, type AccountSessionsEndedEvent } from '@pilot/contracts';
import { serviceUnderTest, type ServiceUnderTest } from '@pilot/foundation/testing';
import { eventually, type EventTap } from '@pilot/messaging/testing';
import { loadConfig } from '@pilot/runtime';
import { randomUUID } from 'node:crypto';
import { CaptchaService } from '../captcha/captcha.service';
import { IdentityConfig } from '../identity.config';
import { IdentityModule } from '../identity.module';
import { SessionsService } from '../sessions/sessions.service';
import { AccountsService } from './accounts.service';
import { PasswordHasher } from './password-hasher';

// Identity's modules start (and seed their regions) slowly on a busy machine.
jest.setTimeout(120_000);

const PASSWORD = 'Reviewer-2026';

/** Disabling and enabling an account on the real store, with what it announces on the real broker. */
describe('a disabled account', () => {
  let under: ServiceUnderTest;
  let moduleRef: TestingModule;
  let tap: EventTap;
  let accounts: AccountsService;
  let sessions: SessionsService;

  beforeAll(async () => {
    under = await serviceUnderTest(
      'identity-disable',
      ({ service, database, exchange }) => [IdentityModule.register(loadConfig(IdentityConfig, { MONGO_DB: database, EVENTS_EXCHANGE: exchange }), service)],
      'identity.account.#',
    );
    ({ moduleRef, tap } = under);
    accounts = moduleRef.get(AccountsService);
    sessions = moduleRef.get(SessionsService);
  });

  afterAll(() => under.stop());

  const reviewer = async () =>
    accounts.create(
      {
        username: `r${randomUUID().slice(0, 12).replace(/-/g, '')}`,
        role: 'province_reviewer',
        passwordHash: await moduleRef.get(PasswordHasher).hash(PASSWORD),
        mustChangePassword: false,
        phone: '13900000000',
        displayName: '测试审核员',
        provinceCode: '370000',
      },
      'USERNAME_TAKEN',
    );

  const signIn = async (username: string) => {
    const captchas = moduleRef.get(CaptchaService);
    const { captchaId } = await captchas.create();
    return sessions.login({ username, password: PASSWORD, captchaId, captchaAnswer: (await captchas.reveal(captchaId)).answer, clientAddress: '192.0.2.1' });
  };

  const codeOf = (work: Promise<unknown>) => work.then(() => 'no error', (err: unknown) => (err instanceof PlatformError ? err.code : String(err)));

  it('cannot sign in or refresh, and announces that its tokens stopped working', async () => {
    const account = await reviewer();
    const signedIn = await signIn(account.username);

    const disabled = await accounts.disable(account.id, { by: 'admin-account', reason: '人员调离' });
    expect(disabled).toMatchObject({ disabledAt: expect.any(Date), disabledBy: 'admin-account', disabledReason: '人员调离', sessionVersion: 1 });

    expect(await codeOf(signIn(account.username))).toBe('ACCOUNT_DISABLED');
    expect(await codeOf(sessions.refresh(signedIn.refreshToken))).toBe('SESSION_ENDED');

    const announced = await eventually(() => {
      const ofAccount = tap.events.filter((event) => (event.payload as { accountId: string }).accountId === account.id);
      return ofAccount.length >= 2 ? ofAccount : null;
    });
    expect(announced?.map((event) => [event.type, event.payload])).toEqual([
      [
        IdentityEvents.accountDisabled,
        { accountId: account.id, username: account.username, role: 'province_reviewer', provinceCode: '370000', disabledBy: 'admin-account', reason: '人员调离' } satisfies AccountDisabledEvent,
      ],
      [IdentityEvents.accountSessionsEnded, { accountId: account.id, sessionVersion: 1, reason: 'disabled' } satisfies AccountSessionsEndedEvent],
    ]);
  });

  it('is disabled once: disabling it again changes and announces nothing', async () => {
    const account = await reviewer();
    await accounts.disable(account.id, { by: 'admin-account', reason: '第一次' });
    const again = await accounts.disable(account.id, { by: 'admin-account', reason: '第二次' });
    expect(again).toMatchObject({ disabledReason: '第一次', sessionVersion: 1 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(tap.of(IdentityEvents.accountDisabled).filter((event) => (event.payload as { accountId: string }).accountId === account.id)).toHaveLength(1);
  });

  it('signs in again once enabled, while the refresh tokens it held before stay ended', async () => {
    const account = await reviewer();
    const before = await signIn(account.username);
    await accounts.disable(account.id, { by: 'admin-account', reason: '临时停用' });
    const enabled = await accounts.enable(account.id, 'admin-account');
    expect(enabled?.disabledAt).toBeUndefined();

    expect(await codeOf(sessions.refresh(before.refreshToken))).toBe('SESSION_ENDED');
    const after = await signIn(account.username);
    expect((await sessions.refresh(after.refreshToken)).user.username).toBe(account.username);
    await eventually(() => tap.of(IdentityEvents.accountEnabled).some((event) => (event.payload as { accountId: string }).accountId === account.id));
  });

  it('reads as absent when there is no such account', async () => {
    expect(await accounts.disable('000000000000000000000000', { by: 'admin-account', reason: '无' })).toBeNull();
    expect(await accounts.enable('not-an-id', 'admin-account')).toBeNull();
  });
});
