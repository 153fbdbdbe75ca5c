import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type CollegeDirectoryPage,
  type SearchCollegesRequest,
} from '@pilot/contracts';
import type { Model } from 'mongoose';
import { RegionsService } from '../regions/regions.service';
import { College } from './college.schema';

@Injectable()
export class DirectoryService {
  constructor(
    @InjectModel(College.name) private readonly colleges: Model<College>,
    private readonly regions: RegionsService,
  ) {}

  async search(request: SearchCollegesRequest): Promise<CollegeDirectoryPage> {
    await this.regions.requireProvince(request.provinceCode);
    const page = Math.max(1, Math.floor(request.page ?? 1));
    const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(request.pageSize ?? DEFAULT_PAGE_SIZE)));
    const keyword = request.q?.trim();
    const filter = {
      provinceCode: request.provinceCode,
      ...(keyword ? { name: { $regex: escapeRegex(keyword), $options: 'i' } } : {}),
    };
    const [total, found] = await Promise.all([
      this.colleges.countDocuments(filter),
      this.colleges.find(filter).sort({ name: 1 }).skip((page - 1) * pageSize).limit(pageSize).lean(),
    ]);
    const cityNames = await this.regions.cityNames([...new Set(found.map((college) => college.cityCode))]);
    return {
      items: found.map((college) => ({
        id: String(college._id),
        name: college.name,
        identificationCode: college.identificationCode,
        cityCode: college.cityCode,
        cityName: cityNames.get(college.cityCode) ?? '',
        type: college.type,
        registered: college.registered,
      })),
      total,
      page,
      pageSize,
    };
  }
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
