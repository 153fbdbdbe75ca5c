import { Injectable } from '@nestjs/common';
import { maskPhone, type Actor, type UserView } from '@pilot/contracts';
import type { Stored } from '@pilot/store';
import type { Account } from '../accounts/account.schema';
import { CollegeProfilesService } from '../college-profiles/college-profiles.service';
import { DirectoryService } from '../directory/directory.service';
import { RegionsService } from '../regions/regions.service';

/** An account as its holder sees it, with the names of its college and region. */
@Injectable()
export class UserViews {
  constructor(
    private readonly regions: RegionsService,
    private readonly directory: DirectoryService,
    private readonly profiles: CollegeProfilesService,
  ) {}

  async of(account: Stored<Account>): Promise<UserView> {
    const college = account.collegeId ? await this.directory.findById(account.collegeId) : null;
    const provinceCode = account.provinceCode ?? college?.provinceCode;
    const cityCode = account.cityCode ?? college?.cityCode;
    const province = provinceCode ? await this.regions.findProvince(provinceCode) : null;
    const cityName = cityCode ? (await this.regions.cityNames([cityCode])).get(cityCode) : undefined;
    return {
      id: String(account._id),
      username: account.username,
      role: account.role,
      displayName: college?.name ?? account.displayName,
      mustChangePassword: account.mustChangePassword,
      phoneMasked: maskPhone(account.phone),
      ...(account.collegeId ? { collegeId: account.collegeId, profileComplete: await this.profiles.isComplete(account.collegeId) } : {}),
      ...(provinceCode ? { provinceCode, provinceName: province?.name } : {}),
      ...(cityCode ? { cityCode, cityName } : {}),
    };
  }
}

export function actorOf(account: Stored<Account>): Actor {
  return {
    accountId: String(account._id),
    username: account.username,
    role: account.role,
    ...(account.collegeId ? { collegeId: account.collegeId } : {}),
    ...(account.provinceCode ? { provinceCode: account.provinceCode } : {}),
    ...(account.cityCode ? { cityCode: account.cityCode } : {}),
  };
}
