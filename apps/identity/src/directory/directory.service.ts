import { Injectable } from '@nestjs/common';
import {
  PlatformError,
  requireRole,
  type Actor,
  type CollegeDirectoryPage,
  type DirectoryCollegePage,
  type DirectoryCollegeView,
  type ListDirectoryRequest,
  type SearchCollegesRequest,
} from '@pilot/contracts';
import { InjectRepository, type Repository, type Stored } from '@pilot/store';
import { randomInt } from 'node:crypto';
import { AccountsService } from '../accounts/accounts.service';
import { RegionsService } from '../regions/regions.service';
import { College } from './college.schema';

@Injectable()
export class DirectoryService {
  constructor(
    @InjectRepository(College) private readonly colleges: Repository<College>,
    private readonly regions: RegionsService,
    private readonly accounts: AccountsService,
  ) {}

  /** An id that cannot be a college's reads as absent. */
  findById(id: string): Promise<Stored<College> | null> {
    return this.colleges.get(id);
  }

  /** The public directory: names, cities and whether each has registered, never identification codes. */
  async search(request: SearchCollegesRequest): Promise<CollegeDirectoryPage> {
    const found = await this.listed(request.provinceCode, request, ['name']);
    return { ...found, items: found.items.map(({ id, name, cityCode, cityName, type, registered }) => ({ id, name, cityCode, cityName, type, registered })) };
  }

  /**
   * The directory with identification codes, for administrators (any province) and reviewers
   * (their own); searched by name or code.
   */
  async list(actor: Actor, request: ListDirectoryRequest): Promise<DirectoryCollegePage> {
    const viewer = requireRole(actor, 'admin', 'province_reviewer', 'city_reviewer');
    const provinceCode = viewer.role === 'admin' ? request.provinceCode : viewer.provinceCode;
    if (!provinceCode) throw new PlatformError('VALIDATION_FAILED', undefined, { fields: { provinceCode: ['请选择省份'] } });
    if (request.provinceCode && request.provinceCode !== provinceCode) throw new PlatformError('FORBIDDEN');
    return this.listed(provinceCode, request, ['name', 'identificationCode']);
  }

  private async listed(provinceCode: string, request: { q?: string; page?: number; pageSize?: number }, keywordFields: string[]): Promise<DirectoryCollegePage> {
    await this.regions.requireProvince(provinceCode);
    const { items: found, total, page, pageSize } = await this.colleges.page(
      { provinceCode },
      { page: request.page, pageSize: request.pageSize, sort: { name: 1 }, keyword: request.q, keywordFields },
    );
    const cityNames = await this.regions.cityNames([...new Set(found.map((college) => college.cityCode))]);
    // A college's account is named by its identification code.
    const registered = await this.accounts.existing(found.map((college) => college.identificationCode));
    return {
      items: found.map((college) => ({
        id: college.id,
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
  async addTestCollege(provinceCode: string): Promise<DirectoryCollegeView> {
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
    return { id: college.id, name: college.name, identificationCode, cityCode: city.code, cityName: city.name, type: college.type, registered: false };
  }
}
