import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { PlatformError, REVIEWER_ROLES, type ErrorCode, type Role } from '@pilot/contracts';
import { isDuplicateKeyError } from '@pilot/runtime';
import { DocumentTurns, type OutboxEntry } from '@pilot/messaging';
import { isValidObjectId, type Connection, type Model } from 'mongoose';
import { Account, type AccountDocument } from './account.schema';

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
  /** Events announcing the new account, written with it. */
  outbox?: OutboxEntry[];
}

export interface ReviewerQuery {
  provinceCode?: string;
  page: number;
  pageSize: number;
}

/** The account records; sign-in, registration and the rest build on these few operations. */
@Injectable()
export class AccountsService {
  private readonly turns: DocumentTurns;

  constructor(
    @InjectModel(Account.name) private readonly accounts: Model<Account>,
    @InjectConnection() connection: Connection,
  ) {
    this.turns = new DocumentTurns(connection);
  }

  async onModuleInit(): Promise<void> {
    await this.accounts.init();
  }

  findByUsername(username: string): Promise<AccountDocument | null> {
    return this.accounts.findOne({ username: normaliseUsername(username) });
  }

  async findById(id: string): Promise<AccountDocument | null> {
    return isValidObjectId(id) ? this.accounts.findById(id) : null;
  }

  findByPhone(phone: string): Promise<AccountDocument[]> {
    return this.accounts.find({ phone }).limit(5);
  }

  /** A taken username fails with `takenCode`: what it means depends on who is asking. */
  async create(account: NewAccount, takenCode: ErrorCode, now = new Date()): Promise<AccountDocument> {
    try {
      return await this.accounts.create({ ...account, username: normaliseUsername(account.username), passwordChangedAt: now });
    } catch (err) {
      if (isDuplicateKeyError(err)) throw new PlatformError(takenCode);
      throw err;
    }
  }

  /** Takes its turn on the account: the relay removes the registration's event from this document. */
  async setPassword(accountId: string, passwordHash: string, mustChangePassword: boolean, now = new Date()): Promise<void> {
    if (!(await this.turns.update(this.accounts, accountId, { $set: { passwordHash, mustChangePassword, passwordChangedAt: now } }))) {
      throw new PlatformError('SERVICE_UNAVAILABLE');
    }
  }

  /** Which of these usernames have an account. */
  async existing(usernames: string[]): Promise<Set<string>> {
    if (usernames.length === 0) return new Set();
    const found = await this.accounts.find({ username: { $in: usernames.map(normaliseUsername) } }, { username: 1 }).lean();
    return new Set(found.map((account) => account.username));
  }

  async reviewers(query: ReviewerQuery): Promise<{ items: AccountDocument[]; total: number }> {
    const filter = { role: { $in: [...REVIEWER_ROLES] }, ...(query.provinceCode ? { provinceCode: query.provinceCode } : {}) };
    const [total, items] = await Promise.all([
      this.accounts.countDocuments(filter),
      this.accounts.find(filter).sort({ createdAt: -1 }).skip((query.page - 1) * query.pageSize).limit(query.pageSize),
    ]);
    return { items, total };
  }
}

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}
