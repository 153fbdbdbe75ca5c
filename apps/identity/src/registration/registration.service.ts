import { Injectable, Logger } from '@nestjs/common';
import {
  IdentityEvents,
  PlatformError,
  RpcPatterns,
  type CollegeRegisteredEvent,
  type RegisterRequest,
  type RegisterResult,
  type SendSmsCommand,
} from '@pilot/contracts';
import { RpcClient } from '@pilot/messaging';
import { timingSafeEqual } from 'node:crypto';
import { AccountsService } from '../accounts/accounts.service';
import { initialPassword } from '../accounts/initial-password';
import { PasswordHasher } from '../accounts/password-hasher';
import { DirectoryService } from '../directory/directory.service';
import { RegionsService } from '../regions/regions.service';
import { SmsCodeVerifier } from '../verification/sms-code.verifier';

/** 1.1.2 注册账号: a college in the directory proves its code and its phone, and gets its account. */
@Injectable()
export class RegistrationService {
  private readonly logger = new Logger('Registration');

  constructor(
    private readonly directory: DirectoryService,
    private readonly accounts: AccountsService,
    private readonly hasher: PasswordHasher,
    private readonly smsCodes: SmsCodeVerifier,
    private readonly regions: RegionsService,
    private readonly rpc: RpcClient,
  ) {}

  /**
   * The college picks itself from the public directory and proves it by typing its
   * identification code, which the directory never shows. The code is judged together with the
   * SMS code: a wrong identification code spends one of the SMS code's five tries, so guessing
   * it takes a fresh SMS code (and the phone's and address's allowances) every five guesses,
   * and the answer names no other college. The account is named by the code, so the unique
   * name keeps a college to one account even when two registrations race.
   */
  async register(request: RegisterRequest, now = new Date()): Promise<RegisterResult> {
    const college = await this.directory.findById(request.collegeId);
    if (!college || college.provinceCode !== request.provinceCode) throw new PlatformError('COLLEGE_NOT_FOUND');
    const username = college.identificationCode;
    if (await this.accounts.findByUsername(username)) throw new PlatformError('COLLEGE_ALREADY_REGISTERED');

    const proven = sameText(request.identificationCode, college.identificationCode);
    await this.smsCodes.consume('register', request.phone, request.smsCode, now, { proven, mismatch: 'IDENTIFICATION_CODE_MISMATCH' });
    const password = initialPassword();
    const collegeId = college.id;
    const announced: CollegeRegisteredEvent = {
      username,
      collegeId,
      collegeName: college.name,
      phone: request.phone,
      provinceCode: college.provinceCode,
      cityCode: college.cityCode,
      cityName: (await this.regions.cityNames([college.cityCode])).get(college.cityCode) ?? '',
    };
    const account = await this.accounts.create(
      {
        username,
        role: 'college',
        passwordHash: await this.hasher.hash(password),
        mustChangePassword: true,
        phone: request.phone,
        displayName: college.name,
        collegeId,
        provinceCode: college.provinceCode,
        cityCode: college.cityCode,
      },
      'COLLEGE_ALREADY_REGISTERED',
      now,
      [{ type: IdentityEvents.collegeRegistered, payload: announced }],
    );
    this.logger.log({ msg: 'college registered', accountId: account.id, collegeId });
    await this.sendCredentials(request.phone, username, password);
    return { username, password, collegeName: college.name };
  }

  /** The account exists and the screen shows the password, so a failed SMS does not undo it. */
  private async sendCredentials(phone: string, username: string, password: string): Promise<void> {
    const command: SendSmsCommand = { phone, template: 'account-created', params: { username, password } };
    try {
      await this.rpc.request(RpcPatterns.notifications.sendSms, command);
    } catch (err) {
      this.logger.warn({ msg: 'account SMS not sent', error: (err as Error).message });
    }
  }
}

/** Compares a secret without telling by its timing how much of it was right. */
function sameText(given: string, expected: string): boolean {
  const [a, b] = [Buffer.from(String(given)), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}
