import { Injectable } from '@nestjs/common';
import {
  IdentityEvents,
  PlatformError,
  REVIEWER_ROLES,
  type AccountDisabledEvent,
  type AccountEnabledEvent,
  type AccountSessionsEndedEvent,
  type ErrorCode,
  type Role,
  type SessionsEndedReason,
} from '@pilot/contracts';
import { InjectRepository, type Change, type DomainEvent, type Repository, type Stored } from '@pilot/store';
import { Account } from './account.schema';

export interface NewAccount {
  username: string;
  role: Role;
  passwordHash: string;
  mustChangePassword: boolean;
  phone: string;
  displayName: string;
  collegeId?: string;
  provinceCode?: string;
  cityCode?: string;
}

export interface CollegeAccountQuery {
  provinceCode?: string;
  status?: 'active' | 'revoked';
  page: number;
  pageSize: number;
}

/** Who disables an account (an account id) and why, in their words; both go into the announcement. */
export interface Disabling {
  by: string;
  reason: string;
}

export interface ReviewerQuery {
  provinceCode?: string;
  page: number;
  pageSize: number;
}

/** The account records; sign-in, registration and the rest build on these few operations. */
@Injectable()
export class AccountsService {
  constructor(@InjectRepository(Account) private readonly accounts: Repository<Account>) {}

  findByUsername(username: string): Promise<Stored<Account> | null> {
    return this.accounts.findOne({ username: normaliseUsername(username) });
  }

  /** An id that cannot be an account's reads as absent. */
  findById(id: string): Promise<Stored<Account> | null> {
    return this.accounts.get(id);
  }

  findByPhone(phone: string): Promise<Stored<Account>[]> {
    return this.accounts.find({ phone }, { limit: 5 });
  }

  /**
   * A taken username fails with `takenCode`: what it means depends on who is asking. The events
   * announcing the new account are written with it.
   */
  create(account: NewAccount, takenCode: ErrorCode, now = new Date(), events: DomainEvent[] = []): Promise<Stored<Account>> {
    return this.accounts.create(
      { ...account, username: normaliseUsername(account.username), passwordChangedAt: now },
      { events, taken: takenCode },
    );
  }

  /**
   * Takes its turn on the account, which carries an outbox (the registration's event). Every
   * access token issued before stops working: the session version moves on in the same write.
   */
  async setPassword(
    accountId: string,
    passwordHash: string,
    mustChangePassword: boolean,
    reason: Extract<SessionsEndedReason, 'password-changed' | 'password-reset'>,
    now = new Date(),
  ): Promise<Stored<Account>> {
    return this.written(
      await this.accounts.update(accountId, (current) => endingSessions(current, reason, { set: { passwordHash, mustChangePassword, passwordChangedAt: now } })),
    );
  }

  /** Every access token the account holds stops working (a sign-out); its refresh tokens are the sessions' business. */
  async endSessions(accountId: string, reason: SessionsEndedReason): Promise<Stored<Account>> {
    return this.written(await this.accounts.update(accountId, (current) => endingSessions(current, reason, {})));
  }

  /**
   * The account can no longer sign in or refresh, and every token it holds stops working at
   * once (announced as `identity.account.disabled` and `identity.account.sessions-ended`).
   * Disabling a disabled account changes nothing. Null when there is no such account.
   */
  async disable(accountId: string, disabling: Disabling, now = new Date()): Promise<Stored<Account> | null> {
    const { document } = await this.accounts.update(accountId, (current) => {
      if (current.disabledAt) return undefined;
      const disabled: AccountDisabledEvent = {
        accountId: current.id,
        username: current.username,
        role: current.role,
        ...scopeOf(current),
        disabledBy: disabling.by,
        reason: disabling.reason,
      };
      return endingSessions(current, 'disabled', {
        set: { disabledAt: now, disabledBy: disabling.by, disabledReason: disabling.reason, lastDisabledAt: now },
        events: [{ type: IdentityEvents.accountDisabled, payload: disabled }],
      });
    });
    return document;
  }

  /** The account may sign in again; what it held before it was disabled stays ended. Null when there is no such account. */
  async enable(accountId: string, by: string): Promise<Stored<Account> | null> {
    const { document } = await this.accounts.update(accountId, (current) => {
      if (!current.disabledAt) return undefined;
      const enabled: AccountEnabledEvent = { accountId: current.id, username: current.username, role: current.role, enabledBy: by };
      return { unset: ['disabledAt', 'disabledBy', 'disabledReason'], events: [{ type: IdentityEvents.accountEnabled, payload: enabled }] };
    });
    return document;
  }

  /** Which of these usernames have an account. */
  async existing(usernames: string[]): Promise<Set<string>> {
    if (usernames.length === 0) return new Set();
    const found = await this.accounts.find({ username: { $in: usernames.map(normaliseUsername) } }, { select: ['username'] });
    return new Set(found.map((account) => account.username));
  }

  /** Colleges' accounts, newest first: the registrations a province's reviewers look over. */
  async colleges(query: CollegeAccountQuery): Promise<{ items: Stored<Account>[]; total: number }> {
    const status = query.status === 'revoked' ? { revokedAt: { $exists: true } } : query.status === 'active' ? { revokedAt: { $exists: false } } : {};
    const filter = { role: 'college' as const, ...(query.provinceCode ? { provinceCode: query.provinceCode } : {}), ...status };
    const { items, total } = await this.accounts.page(filter, { page: query.page, pageSize: query.pageSize, sort: { createdAt: -1 } });
    return { items, total };
  }

  /**
   * Marks a college's registration revoked and renames its account, with the event announcing
   * it, once: the decision is taken in the account's turn, so of two revocations at the same
   * moment only one writes and announces. Answers the account as it is afterwards.
   */
  async revokeRegistration(accountId: string, revokedBy: { accountId: string; displayName: string }, now: Date, announce: (account: Stored<Account>) => DomainEvent): Promise<Stored<Account>> {
    const { document } = await this.accounts.update(accountId, (account) =>
      account.revokedAt ? undefined : { set: { username: revokedName(account), revokedAt: now, revokedBy }, events: [announce(account)] },
    );
    if (!document) throw new PlatformError('REGISTRATION_NOT_FOUND');
    return document;
  }

  private written(outcome: { written: boolean; document: Stored<Account> | null }): Stored<Account> {
    if (!outcome.written || !outcome.document) throw new PlatformError('SERVICE_UNAVAILABLE');
    return outcome.document;
  }

  async reviewers(query: ReviewerQuery): Promise<{ items: Stored<Account>[]; total: number }> {
    const filter = { role: { $in: [...REVIEWER_ROLES] }, ...(query.provinceCode ? { provinceCode: query.provinceCode } : {}) };
    const { items, total } = await this.accounts.page(filter, { page: query.page, pageSize: query.pageSize, sort: { createdAt: -1 } });
    return { items, total };
  }
}

/** The name a revoked registration's account keeps: never an identification code, so the college may register again. */
export function revokedName(account: Stored<Account>): string {
  return `${account.username}~revoked~${account.id}`;
}

/** The version access tokens must carry from now on. */
export function sessionVersionOf(account: Pick<Account, 'sessionVersion'>): number {
  return account.sessionVersion ?? 0;
}

/** A refresh token issued before the account was last disabled is no longer honoured. */
export function refreshAllowed(account: Pick<Account, 'disabledAt' | 'lastDisabledAt'>, issuedAt: Date): boolean {
  return !account.disabledAt && !(account.lastDisabledAt && issuedAt <= account.lastDisabledAt);
}

/** The change, with the session version moved on and announced. */
function endingSessions(current: Stored<Account>, reason: SessionsEndedReason, change: Change<Account>): Change<Account> {
  const sessionVersion = sessionVersionOf(current) + 1;
  const ended: AccountSessionsEndedEvent = { accountId: current.id, sessionVersion, reason };
  return {
    ...change,
    set: { ...change.set, sessionVersion },
    events: [...(change.events ?? []), { type: IdentityEvents.accountSessionsEnded, payload: ended }],
  };
}

function scopeOf(account: Stored<Account>): Pick<AccountDisabledEvent, 'collegeId' | 'provinceCode' | 'cityCode'> {
  return {
    ...(account.collegeId ? { collegeId: account.collegeId } : {}),
    ...(account.provinceCode ? { provinceCode: account.provinceCode } : {}),
    ...(account.cityCode ? { cityCode: account.cityCode } : {}),
  };
}

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}
