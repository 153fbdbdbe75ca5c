import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { PlatformError, type CityView, type ProvinceView } from '@pilot/contracts';
import { bulkWriteInSlices } from '@pilot/runtime';
import type { Model } from 'mongoose';
import { City } from './city.schema';
import { Province } from './province.schema';
import { RegionNames } from './region-names';
import { CITIES } from './seed/cities';
import { PROVINCES } from './seed/provinces';

@Injectable()
export class RegionsService implements OnApplicationBootstrap {
  constructor(
    @InjectModel(Province.name) private readonly provinces: Model<Province>,
    @InjectModel(City.name) private readonly cities: Model<City>,
  ) {}

  /** Provinces and cities are reference data: every start makes sure all of them are there. */
  async onApplicationBootstrap(): Promise<void> {
    await this.provinces.init();
    await this.cities.init();
    await bulkWriteInSlices(
      this.provinces,
      PROVINCES.map((province) => ({
        updateOne: { filter: { code: province.code }, update: { $set: province }, upsert: true },
      })),
    );
    await bulkWriteInSlices(
      this.cities,
      CITIES.map(([code, name]) => ({
        updateOne: { filter: { code }, update: { $set: { code, name, provinceCode: `${code.slice(0, 2)}0000` } }, upsert: true },
      })),
    );
  }

  async listProvinces(): Promise<ProvinceView[]> {
    const provinces = await this.provinces.find({}, { code: 1, name: 1, departmentName: 1 }).sort({ code: 1 }).lean();
    return provinces.map(({ code, name, departmentName }) => ({ code, name, departmentName }));
  }

  async requireProvince(code: string): Promise<ProvinceView> {
    const province = await this.findProvince(code);
    if (!province) throw new PlatformError('PROVINCE_NOT_FOUND');
    return province;
  }

  async findProvince(code: string): Promise<ProvinceView | null> {
    const province = await this.provinces.findOne({ code }).lean();
    return province ? { code: province.code, name: province.name, departmentName: province.departmentName } : null;
  }

  async listCities(provinceCode: string): Promise<CityView[]> {
    await this.requireProvince(provinceCode);
    const cities = await this.cities.find({ provinceCode }, { code: 1, name: 1 }).sort({ code: 1 }).lean();
    return cities.map(({ code, name }) => ({ code, name }));
  }

  /** A city of that province, or CITY_NOT_FOUND. */
  async requireCity(code: string, provinceCode: string): Promise<CityView> {
    const city = await this.cities.findOne({ code, provinceCode }).lean();
    if (!city) throw new PlatformError('CITY_NOT_FOUND');
    return { code: city.code, name: city.name };
  }

  /** Every province and city, to find them by what a sheet says. */
  async regionNames(): Promise<RegionNames> {
    const [provinces, cities] = await Promise.all([
      this.listProvinces(),
      this.cities.find({}, { code: 1, name: 1, provinceCode: 1 }).lean(),
    ]);
    return new RegionNames(provinces, cities.map(({ code, name, provinceCode }) => ({ code, name, provinceCode })));
  }

  async cityNames(codes: string[]): Promise<Map<string, string>> {
    const cities = await this.cities.find({ code: { $in: codes } }, { code: 1, name: 1 }).lean();
    return new Map(cities.map((city) => [city.code, city.name]));
  }
}
