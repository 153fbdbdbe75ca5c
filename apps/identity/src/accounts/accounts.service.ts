import { Injectable } from '@nestjs/common';
import { PlatformError, REVIEWER_ROLES, type ErrorCode, type Role } from '@pilot/contracts';
import { InjectRepository, type DomainEvent, type Repository, type Stored } from '@pilot/store';
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

  /** Takes its turn on the account, which carries an outbox (the registration's event). */
  async setPassword(accountId: string, passwordHash: string, mustChangePassword: boolean, now = new Date()): Promise<void> {
    const { written } = await this.accounts.update(accountId, { set: { passwordHash, mustChangePassword, passwordChangedAt: now } });
    if (!written) throw new PlatformError('SERVICE_UNAVAILABLE');
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

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}
