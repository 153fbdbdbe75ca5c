import { Injectable, Logger } from '@nestjs/common';
import {
  PlatformError,
  REVIEWER_ROLES,
  isStrongPassword,
  type Actor,
  type CreateReviewerRequest,
  type ListReviewersRequest,
  type Page,
  type ReviewerRole,
  type ReviewerView,
} from '@pilot/contracts';
import { pageWindow, type Stored } from '@pilot/store';
import type { Account } from '../accounts/account.schema';
import { AccountsService } from '../accounts/accounts.service';
import { PasswordHasher } from '../accounts/password-hasher';
import { RegionsService } from '../regions/regions.service';

/** Reviewer accounts, made by administrators; each reviews one province, or one city of it. */
@Injectable()
export class ReviewersService {
  private readonly logger = new Logger('Reviewers');

  constructor(
    private readonly accounts: AccountsService,
    private readonly hasher: PasswordHasher,
    private readonly regions: RegionsService,
  ) {}

  async create(admin: Actor, request: CreateReviewerRequest, now = new Date()): Promise<ReviewerView> {
    if (!isStrongPassword(request.password)) throw new PlatformError('PASSWORD_TOO_WEAK');
    const province = await this.regions.requireProvince(request.provinceCode);
    const city = request.role === 'city_reviewer' ? await this.regions.requireCity(request.cityCode ?? '', province.code) : null;
    const account = await this.accounts.create(
      {
        username: request.username,
        role: request.role,
        passwordHash: await this.hasher.hash(request.password),
        mustChangePassword: true,
        phone: request.phone,
        displayName: request.displayName?.trim() || request.username,
        provinceCode: province.code,
        ...(city ? { cityCode: city.code } : {}),
      },
      'USERNAME_TAKEN',
      now,
    );
    this.logger.log({ msg: 'reviewer created', accountId: String(account._id), role: request.role, by: admin.accountId });
    return (await this.views([account]))[0];
  }

  /** The reviewer can no longer sign in, and every token it holds stops working at once. */
  async disable(admin: Actor, reviewerId: string, now = new Date()): Promise<ReviewerView> {
    await this.requireReviewer(reviewerId);
    const account = await this.accounts.disable(reviewerId, { by: admin.accountId, reason: '平台管理员停用了该审核员账号' }, now);
    if (!account) throw new PlatformError('REVIEWER_NOT_FOUND');
    this.logger.log({ msg: 'reviewer disabled', accountId: reviewerId, by: admin.accountId });
    return (await this.views([account]))[0];
  }

  /** The reviewer may sign in again; the sign-ins it had before stay ended. */
  async enable(admin: Actor, reviewerId: string): Promise<ReviewerView> {
    await this.requireReviewer(reviewerId);
    const account = await this.accounts.enable(reviewerId, admin.accountId);
    if (!account) throw new PlatformError('REVIEWER_NOT_FOUND');
    this.logger.log({ msg: 'reviewer enabled', accountId: reviewerId, by: admin.accountId });
    return (await this.views([account]))[0];
  }

  async list(request: ListReviewersRequest): Promise<Page<ReviewerView>> {
    const { page, pageSize } = pageWindow(request);
    const { items, total } = await this.accounts.reviewers({ provinceCode: request.provinceCode, page, pageSize });
    return { items: await this.views(items), total, page, pageSize };
  }

  /** Only reviewer accounts are disabled here: colleges and administrators are not an administrator's to switch off on this page. */
  private async requireReviewer(accountId: string): Promise<void> {
    const account = await this.accounts.findById(accountId);
    if (!account || !(REVIEWER_ROLES as readonly string[]).includes(account.role)) throw new PlatformError('REVIEWER_NOT_FOUND');
  }

  private async views(accounts: Stored<Account>[]): Promise<ReviewerView[]> {
    const provinces = new Map((await this.regions.listProvinces()).map((p) => [p.code, p.name]));
    const cities = await this.regions.cityNames(accounts.flatMap((a) => (a.cityCode ? [a.cityCode] : [])));
    return accounts.map((account) => ({
      id: String(account._id),
      username: account.username,
      role: account.role as ReviewerRole,
      displayName: account.displayName,
      provinceCode: account.provinceCode ?? '',
      provinceName: provinces.get(account.provinceCode ?? '') ?? '',
      ...(account.cityCode ? { cityCode: account.cityCode, cityName: cities.get(account.cityCode) ?? '' } : {}),
      phone: account.phone,
      createdAt: account.createdAt.toISOString(),
      disabled: !!account.disabledAt,
      ...(account.disabledAt ? { disabledAt: account.disabledAt.toISOString() } : {}),
    }));
  }
}
