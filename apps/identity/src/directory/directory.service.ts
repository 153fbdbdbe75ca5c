import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  type CollegeDirectoryEntryView,
  type CollegeDirectoryPage,
  type SearchCollegesRequest,
} from '@pilot/contracts';
import { keywordFilter, pageWindow } from '@pilot/runtime';
import { isValidObjectId, type Model } from 'mongoose';
import { randomInt } from 'node:crypto';
import { AccountsService } from '../accounts/accounts.service';
import { RegionsService } from '../regions/regions.service';
import { College, type CollegeDocument } from './college.schema';

@Injectable()
export class DirectoryService {
  constructor(
    @InjectModel(College.name) private readonly colleges: Model<College>,
    private readonly regions: RegionsService,
    private readonly accounts: AccountsService,
  ) {}

  async findById(id: string): Promise<CollegeDocument | null> {
    return isValidObjectId(id) ? this.colleges.findById(id) : null;
  }

  async search(request: SearchCollegesRequest): Promise<CollegeDirectoryPage> {
    await this.regions.requireProvince(request.provinceCode);
    const { page, pageSize, skip } = pageWindow(request);
    const filter = { provinceCode: request.provinceCode, ...keywordFilter(request.q, ['name']) };
    const [total, found] = await Promise.all([
      this.colleges.countDocuments(filter),
      this.colleges.find(filter).sort({ name: 1 }).skip(skip).limit(pageSize).lean(),
    ]);
    const cityNames = await this.regions.cityNames([...new Set(found.map((college) => college.cityCode))]);
    // A college's account is named by its identification code.
    const registered = await this.accounts.existing(found.map((college) => college.identificationCode));
    return {
      items: found.map((college) => ({
        id: String(college._id),
        name: college.name,
        identificationCode: college.identificationCode,
        cityCode: college.cityCode,
        cityName: cityNames.get(college.cityCode) ?? '',
        type: college.type,
        registered: registered.has(college.identificationCode),
      })),
      total,
      page,
      pageSize,
    };
  }

  /**
   * A made-up college in a city of the province, for automated tests: each run registers
   * colleges of its own, since a college has only one account.
   */
  async addTestCollege(provinceCode: string): Promise<CollegeDirectoryEntryView> {
    // Listing the cities also refuses an unknown province.
    const cities = await this.regions.listCities(provinceCode);
    const city = cities[randomInt(Math.max(cities.length, 1))] ?? { code: provinceCode, name: '' };
    const identificationCode = `9${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`;
    const college = await this.colleges.create({
      name: `测试职业学院${identificationCode.slice(-6)}`,
      identificationCode,
      provinceCode,
      cityCode: city.code,
      type: '高职',
      demo: true,
    });
    return { id: String(college._id), name: college.name, identificationCode, cityCode: city.code, cityName: city.name, type: college.type, registered: false };
  }
}
