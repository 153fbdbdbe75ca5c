import { Inject, Injectable, Logger } from '@nestjs/common';
import { PlatformError, retryLater, type Actor, type AuthSession, type FromClient, type LoginRequest } from '@pilot/contracts';
import { InjectRepository, type Repository, type Stored } from '@pilot/store';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Account } from '../accounts/account.schema';
import { AccountsService, normaliseUsername, refreshAllowed, sessionVersionOf } from '../accounts/accounts.service';
import { PasswordHasher } from '../accounts/password-hasher';
import { CaptchaService } from '../captcha/captcha.service';
import { ExemptAddresses, normaliseAddress } from '../client-addresses/client-address';
import { LoginFailure } from './login-failure.schema';
import { ADDRESS_WINDOW_MS, FAILURES_KEPT_MS, signInWait, type SignInWait } from './lockout';
import { RefreshSession } from './refresh-session.schema';
import { SESSIONS_OPTIONS, type SessionsOptions } from './sessions.options';
import { UserViews, actorOf } from './user-views';

/** Sign-in, token refresh and sign-out. Spent sessions and failures expire in the store (SessionsModule). */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger('Sessions');

  constructor(
    @Inject(SESSIONS_OPTIONS) private readonly options: SessionsOptions,
    @InjectRepository(RefreshSession) private readonly sessions: Repository<RefreshSession>,
    @InjectRepository(LoginFailure) private readonly failures: Repository<LoginFailure>,
    private readonly accounts: AccountsService,
    private readonly hasher: PasswordHasher,
    private readonly captchas: CaptchaService,
    private readonly views: UserViews,
    private readonly exempt: ExemptAddresses,
  ) {}

  /**
   * Every failure reads the same, whether the name is unknown or the password wrong. Locks and
   * delays (see lockout.ts) are judged before the password, per name and per client address.
   */
  async login(request: FromClient<LoginRequest>, now = new Date()): Promise<AuthSession> {
    await this.captchas.verify(request.captchaId, request.captchaAnswer, now);
    const username = normaliseUsername(request.username);
    const address = normaliseAddress(request.clientAddress);
    const wait = await this.waitFor(username, address, now);
    if (wait) throw retryLater(wait.code, secondsUntil(wait.until, now));

    const account = await this.accounts.findByUsername(username);
    if (!(await this.hasher.verify(account?.passwordHash, request.password)) || !account) {
      await this.failures.create({ username, address, at: now });
      const after = await this.waitFor(username, address, now);
      this.logger.warn({ msg: 'sign-in failed', refused: after?.code ?? null });
      throw after ? retryLater(after.code, secondsUntil(after.until, now)) : new PlatformError('LOGIN_FAILED');
    }
    // Said only to whoever knows the password: nobody else learns the account exists.
    if (account.disabledAt) throw new PlatformError('ACCOUNT_DISABLED');
    // Only this address's failures: another address's guesses at the name keep their lock.
    await this.failures.removeWhere({ username, address });
    this.logger.log({ msg: 'signed in', accountId: account.id, role: account.role });
    return this.issue(account, randomUUID(), now);
  }

  /**
   * Swaps a refresh token for new tokens. Only one swap of a token can win; a token that was
   * already swapped coming back ends its whole family, whoever holds it now.
   */
  async refresh(refreshToken: string, now = new Date()): Promise<AuthSession> {
    const session = await this.find(refreshToken);
    if (!session || session.revokedAt || session.expiresAt <= now) throw new PlatformError('SESSION_ENDED');
    // The claim is kept as long as any token lives, so it outlasts the session it names.
    const first = !session.replacedAt && (await this.sessions.claimOnce(session._id, 'rotated', this.options.refreshTokenTtlSeconds * 1000));
    if (!first) {
      await this.endFamily(session.family, now);
      this.logger.warn({ msg: 'refresh token reused; its family is ended', accountId: session.accountId });
      throw new PlatformError('SESSION_ENDED');
    }
    await this.sessions.update(session._id, { set: { replacedAt: now } });
    const account = await this.accounts.findById(session.accountId);
    if (!account || !refreshAllowed(account, session.createdAt)) throw new PlatformError('SESSION_ENDED');
    return this.issue(account, session.family, now);
  }

  /**
   * The sign-in ends, and every access token of the account stops working (the others' holders
   * refresh theirs). Answers the account signed out, so that the gateway can record who it was;
   * null for a token that names no sign-in.
   */
  async logout(refreshToken: string, now = new Date()): Promise<Actor | null> {
    const session = await this.find(refreshToken);
    if (!session) return null;
    await this.endFamily(session.family, now);
    if (!session.revokedAt) await this.accounts.endSessions(session.accountId, 'logout');
    const account = await this.accounts.findById(session.accountId);
    return account ? actorOf(account) : null;
  }

  /** After a password change: every session of the account ends, except `keepFamily`'s. */
  async endAll(accountId: string, now = new Date(), keepFamily?: string): Promise<void> {
    await this.sessions.updateEach({ accountId, revokedAt: { $exists: false }, ...(keepFamily ? { family: { $ne: keepFamily } } : {}) }, (current) =>
      current.revokedAt || current.family === keepFamily ? undefined : { set: { revokedAt: now } },
    );
  }

  /** New tokens for a sign-in that goes on (after its holder changed the password). */
  continueSession(account: Stored<Account>, family: string, now = new Date()): Promise<AuthSession> {
    return this.issue(account, family, now);
  }

  /** A password reset also lifts a lock: whoever reset it holds the phone. */
  async clearFailures(username: string): Promise<void> {
    await this.failures.removeWhere({ username: normaliseUsername(username) });
  }

  private async issue(account: Stored<Account>, family: string, now: Date): Promise<AuthSession> {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    // `createdAt` is the session's own field (not a store timestamp), which `New` leaves out.
    const session: RefreshSession = {
      _id: id,
      family,
      accountId: account.id,
      secretHash: sha256(secret),
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.options.refreshTokenTtlSeconds * 1000),
    };
    await this.sessions.create(session);
    return {
      accessToken: this.options.tokens.sign(
        { actor: { ...actorOf(account), sessionId: family }, sessionVersion: sessionVersionOf(account), mustChangePassword: account.mustChangePassword },
        this.options.accessTokenTtlSeconds,
      ),
      expiresIn: this.options.accessTokenTtlSeconds,
      refreshToken: `${id}.${secret}`,
      user: await this.views.of(account),
    };
  }

  private async find(refreshToken: string): Promise<Stored<RefreshSession> | null> {
    const [id, secret] = String(refreshToken).split('.');
    if (!id || !secret) return null;
    const session = await this.sessions.get(id);
    if (!session) return null;
    const given = Buffer.from(sha256(secret));
    return timingSafeEqual(given, Buffer.from(session.secretHash)) ? session : null;
  }

  /** Ends each live session of the family in its turn; one ended meanwhile keeps its end. */
  private async endFamily(family: string, now: Date): Promise<void> {
    await this.sessions.updateEach({ family, revokedAt: { $exists: false } }, (current) => (current.revokedAt ? undefined : { set: { revokedAt: now } }));
  }

  private async waitFor(username: string, address: string, now: Date): Promise<SignInWait | null> {
    const [ofName, ofAddress] = await Promise.all([
      this.failures.find({ username, at: { $gt: new Date(now.getTime() - FAILURES_KEPT_MS) } }, { sort: { at: -1 }, limit: RECENT_FAILURES_READ }),
      this.exempt.has(address)
        ? Promise.resolve([])
        : this.failures.find({ address, at: { $gt: new Date(now.getTime() - ADDRESS_WINDOW_MS) } }, { sort: { at: -1 }, limit: RECENT_FAILURES_READ }),
    ]);
    return signInWait(
      ofName.map(({ at, address: from }) => ({ at, address: from })),
      ofAddress.map((failure) => failure.at),
      address,
      now,
    );
  }
}

/** Enough failures for every rule: a day's doubling locks of one name stop far below this. */
const RECENT_FAILURES_READ = 200;

function secondsUntil(until: Date, now: Date): number {
  return (until.getTime() - now.getTime()) / 1000;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
