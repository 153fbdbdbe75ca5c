import { Injectable, Logger } from '@nestjs/common';
import {
  PlatformError,
  isStrongPassword,
  type Actor,
  type AuthSession,
  type ChangePasswordRequest,
  type PasswordResetRequest,
} from '@pilot/contracts';
import type { Stored } from '@pilot/store';
import { randomUUID } from 'node:crypto';
import type { Account } from '../accounts/account.schema';
import { AccountsService } from '../accounts/accounts.service';
import { PasswordHasher } from '../accounts/password-hasher';
import { SessionsService } from '../sessions/sessions.service';
import { actorOf } from '../sessions/user-views';
import { SmsCodeVerifier } from '../verification/sms-code.verifier';

/** 忘记密码 and 修改密码. */
@Injectable()
export class PasswordsService {
  private readonly logger = new Logger('Passwords');

  constructor(
    private readonly accounts: AccountsService,
    private readonly hasher: PasswordHasher,
    private readonly smsCodes: SmsCodeVerifier,
    private readonly sessions: SessionsService,
  ) {}

  /**
   * The code went to the account's phone; proving it sets the new password, ends every
   * session and lifts a sign-in lock. An unknown name reads like an unknown code. Answers whose
   * password it was, for the audit log.
   */
  async reset(request: PasswordResetRequest, now = new Date()): Promise<Actor> {
    requireStrong(request.newPassword);
    const named = request.username ? await this.accounts.findByUsername(request.username) : null;
    const phone = request.username ? named?.phone : request.phone;
    if (!phone) throw new PlatformError('SMS_CODE_EXPIRED');
    await this.smsCodes.consume('reset-password', phone, request.smsCode, now);
    const account = named ?? (await this.onlyAccountOf(phone));
    await this.accounts.setPassword(String(account._id), await this.hasher.hash(request.newPassword), false, 'password-reset', now);
    await this.sessions.endAll(String(account._id), now);
    await this.sessions.clearFailures(account.username);
    this.logger.log({ msg: 'password reset', accountId: String(account._id) });
    return actorOf(account);
  }

  /**
   * Other sessions end; the one that asked stays signed in, with new tokens: those it held stop
   * working with the others' (they carry the account's earlier session version).
   */
  async change(actor: Actor, request: ChangePasswordRequest, now = new Date()): Promise<AuthSession> {
    const account = await this.accounts.findById(actor.accountId);
    if (!account) throw new PlatformError('UNAUTHENTICATED');
    if (!(await this.hasher.verify(account.passwordHash, request.oldPassword))) throw new PlatformError('OLD_PASSWORD_WRONG');
    if (request.oldPassword === request.newPassword) throw new PlatformError('PASSWORD_UNCHANGED');
    requireStrong(request.newPassword);
    const changed = await this.accounts.setPassword(String(account._id), await this.hasher.hash(request.newPassword), false, 'password-changed', now);
    await this.sessions.endAll(String(account._id), now, actor.sessionId);
    this.logger.log({ msg: 'password changed', accountId: String(account._id) });
    return this.sessions.continueSession(changed, actor.sessionId ?? randomUUID(), now);
  }

  private async onlyAccountOf(phone: string): Promise<Stored<Account>> {
    const holders = await this.accounts.findByPhone(phone);
    if (holders.length === 0) throw new PlatformError('SMS_CODE_EXPIRED');
    if (holders.length > 1) throw new PlatformError('PHONE_HAS_SEVERAL_ACCOUNTS');
    return holders[0];
  }
}

function requireStrong(password: string): void {
  if (!isStrongPassword(password)) throw new PlatformError('PASSWORD_TOO_WEAK');
}
