import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PlatformError, type CityView, type ProvinceView } from '@pilot/contracts';
import { InjectRepository, type Repository } from '@pilot/store';
import { City } from './city.schema';
import { Province } from './province.schema';
import { RegionNames } from './region-names';
import { CITIES } from './seed/cities';
import { PROVINCES } from './seed/provinces';

@Injectable()
export class RegionsService implements OnApplicationBootstrap {
  constructor(
    @InjectRepository(Province) private readonly provinces: Repository<Province>,
    @InjectRepository(City) private readonly cities: Repository<City>,
  ) {}

  /** Provinces and cities are reference data: every start makes sure all of them are there. */
  async onApplicationBootstrap(): Promise<void> {
    await this.provinces.upsertMany(PROVINCES.map((province) => ({ filter: { code: province.code }, set: province })));
    await this.cities.upsertMany(CITIES.map(([code, name]) => ({ filter: { code }, set: { code, name, provinceCode: `${code.slice(0, 2)}0000` } })));
  }

  async listProvinces(): Promise<ProvinceView[]> {
    const provinces = await this.provinces.find({}, { select: ['code', 'name', 'departmentName'], sort: { code: 1 } });
    return provinces.map(({ code, name, departmentName }) => ({ code, name, departmentName }));
  }

  async requireProvince(code: string): Promise<ProvinceView> {
    const province = await this.findProvince(code);
    if (!province) throw new PlatformError('PROVINCE_NOT_FOUND');
    return province;
  }

  async findProvince(code: string): Promise<ProvinceView | null> {
    const province = await this.provinces.findOne({ code });
    return province ? { code: province.code, name: province.name, departmentName: province.departmentName } : null;
  }

  async listCities(provinceCode: string): Promise<CityView[]> {
    await this.requireProvince(provinceCode);
    const cities = await this.cities.find({ provinceCode }, { select: ['code', 'name'], sort: { code: 1 } });
    return cities.map(({ code, name }) => ({ code, name }));
  }

  /** A city of that province, or CITY_NOT_FOUND. */
  async requireCity(code: string, provinceCode: string): Promise<CityView> {
    const city = await this.cities.findOne({ code, provinceCode });
    if (!city) throw new PlatformError('CITY_NOT_FOUND');
    return { code: city.code, name: city.name };
  }

  /** Every province and city, to find them by what a sheet says. */
  async regionNames(): Promise<RegionNames> {
    const [provinces, cities] = await Promise.all([
      this.listProvinces(),
      this.cities.find({}, { select: ['code', 'name', 'provinceCode'] }),
    ]);
    return new RegionNames(provinces, cities.map(({ code, name, provinceCode }) => ({ code, name, provinceCode })));
  }

  async cityNames(codes: string[]): Promise<Map<string, string>> {
    const cities = await this.cities.find({ code: { $in: codes } }, { select: ['code', 'name'] });
    return new Map(cities.map((city) => [city.code, city.name]));
  }
}
