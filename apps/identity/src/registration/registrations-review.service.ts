import { Injectable, Logger } from '@nestjs/common';
import {
  IdentityEvents,
  PlatformError,
  maskPhone,
  requireRole,
  type Actor,
  type ListRegistrationsRequest,
  type Page,
  type RegistrationRevokedEvent,
  type RegistrationView,
} from '@pilot/contracts';
import { pageWindow, type Stored } from '@pilot/store';
import type { Account } from '../accounts/account.schema';
import { AccountsService } from '../accounts/accounts.service';
import { DirectoryService } from '../directory/directory.service';
import { RegionsService } from '../regions/regions.service';

/**
 * The registrations of a province as its reviewers look over them: anyone who holds a phone
 * could claim a college that has not registered yet, so the province is told of each one
 * (notifications, from `identity.college.registered`) and may revoke a wrong one. Revoking
 * frees the college to register again and tells both sides (`identity.registration.revoked`).
 */
@Injectable()
export class RegistrationsReviewService {
  private readonly logger = new Logger('RegistrationsReview');

  constructor(
    private readonly accounts: AccountsService,
    private readonly directory: DirectoryService,
    private readonly regions: RegionsService,
  ) {}

  /** Newest first; a province reviewer sees their province, an administrator any or all. */
  async list(actor: Actor, request: ListRegistrationsRequest): Promise<Page<RegistrationView>> {
    const provinceCode = scopeOf(actor, request.provinceCode);
    const { page, pageSize } = pageWindow(request);
    const { items, total } = await this.accounts.colleges({ provinceCode, status: request.status, page, pageSize });
    return { items: await this.views(items), total, page, pageSize };
  }

  /**
   * Revokes a college's registration: its account is disabled (every token it holds stops
   * working at once) and gives up the identification code, so the college may register again.
   * Revoking an already revoked one answers it as it is. Another province's registration reads
   * as unknown.
   */
  async revoke(actor: Actor, accountId: string, now = new Date()): Promise<RegistrationView> {
    const reviewer = requireRole(actor, 'province_reviewer', 'admin');
    const account = await this.accounts.findById(accountId);
    if (!account || account.role !== 'college' || !account.collegeId || (reviewer.role !== 'admin' && account.provinceCode !== reviewer.provinceCode)) {
      throw new PlatformError('REGISTRATION_NOT_FOUND');
    }
    const [college, province, by] = await Promise.all([
      this.directory.findById(account.collegeId),
      this.regions.findProvince(account.provinceCode ?? ''),
      this.accounts.findById(reviewer.accountId),
    ]);
    const revokedBy = { accountId: reviewer.accountId, displayName: by?.displayName ?? reviewer.username };
    // Disabled first: whatever the claimant holds stops working at once, even if what follows fails and is asked again.
    await this.accounts.disable(account.id, { by: reviewer.accountId, reason: REVOKED_REASON }, now);
    const revoked = await this.accounts.revokeRegistration(account.id, revokedBy, now, (current) => {
      const announced: RegistrationRevokedEvent = {
        accountId: current.id,
        collegeId: current.collegeId ?? '',
        collegeName: college?.name ?? current.displayName,
        identificationCode: college?.identificationCode ?? current.username,
        phone: current.phone,
        provinceCode: current.provinceCode ?? '',
        cityCode: current.cityCode ?? '',
        departmentName: province?.departmentName ?? '省级教育行政部门',
        revokedAt: now.toISOString(),
        revokedBy,
      };
      return { type: IdentityEvents.registrationRevoked, payload: announced };
    });
    this.logger.log({ msg: 'registration revoked', accountId: revoked.id, collegeId: revoked.collegeId, by: reviewer.accountId });
    return (await this.views([revoked]))[0];
  }

  private async views(accounts: Stored<Account>[]): Promise<RegistrationView[]> {
    const cityNames = await this.regions.cityNames([...new Set(accounts.flatMap((account) => (account.cityCode ? [account.cityCode] : [])))]);
    return Promise.all(
      accounts.map(async (account) => {
        const college = account.collegeId ? await this.directory.findById(account.collegeId) : null;
        return {
          id: account.id,
          collegeId: account.collegeId ?? '',
          collegeName: college?.name ?? account.displayName,
          identificationCode: college?.identificationCode ?? '',
          cityCode: account.cityCode ?? '',
          cityName: cityNames.get(account.cityCode ?? '') ?? '',
          phoneMasked: maskPhone(account.phone),
          registeredAt: account.createdAt.toISOString(),
          status: account.revokedAt ? 'revoked' : 'active',
          ...(account.revokedAt ? { revokedAt: account.revokedAt.toISOString(), revokedByName: account.revokedBy?.displayName } : {}),
        };
      }),
    );
  }
}

const REVOKED_REASON = '院校注册经省级教育行政部门核实为冒用，已撤销';

/** Which province's registrations the caller may see: a reviewer only their own. */
function scopeOf(actor: Actor, asked: string | undefined): string | undefined {
  const viewer = requireRole(actor, 'province_reviewer', 'admin');
  if (viewer.role === 'admin') return asked;
  if (asked && asked !== viewer.provinceCode) throw new PlatformError('FORBIDDEN');
  return viewer.provinceCode;
}
