import { Injectable, Logger } from '@nestjs/common';
import {
  COLLEGE_TYPES,
  IdentityEvents,
  PlatformError,
  type Actor,
  type CollegeProfileFields,
  type CollegeProfileUpdatedEvent,
  type CollegeProfileView,
} from '@pilot/contracts';
import { InjectRepository, type Repository } from '@pilot/store';
import { DirectoryService } from '../directory/directory.service';
import { RegionsService } from '../regions/regions.service';
import { CollegeProfile } from './college-profile.schema';

/** 完善院校基础信息: a college reads and writes only its own. */
@Injectable()
export class CollegeProfilesService {
  private readonly logger = new Logger('CollegeProfiles');

  constructor(
    @InjectRepository(CollegeProfile) private readonly profiles: Repository<CollegeProfile>,
    private readonly directory: DirectoryService,
    private readonly regions: RegionsService,
  ) {}

  async get(actor: Actor): Promise<CollegeProfileView> {
    const collegeId = collegeOf(actor);
    const profile = await this.profiles.get(collegeId);
    return this.view(collegeId, profile);
  }

  async save(actor: Actor, fields: CollegeProfileFields, now = new Date()): Promise<CollegeProfileView> {
    const collegeId = collegeOf(actor);
    checkRules(fields);
    const { collegeType, address, postalCode, principalName, leaderName, contactName, contactPhone, email, fullTimeTeachers, students } = fields;
    const record = {
      collegeType,
      address: address.trim(),
      postalCode,
      principalName: principalName.trim(),
      leaderName: leaderName.trim(),
      contactName: contactName.trim(),
      contactPhone,
      email: email.trim(),
      fullTimeTeachers,
      students,
      description: (fields.description ?? '').trim(),
      updatedAt: now,
      updatedBy: actor.accountId,
    };
    const announced: CollegeProfileUpdatedEvent = { collegeId, contactName: record.contactName, contactPhone, email: record.email };
    // The whole record is replaced at once, with its event, in the document's turn (the relay
    // also writes it); a record saved at the same moment from another tab is written over.
    await this.profiles.upsert(collegeId, () => ({ set: record, events: [{ type: IdentityEvents.collegeProfileUpdated, payload: announced }] }));
    this.logger.log({ msg: 'college profile saved', collegeId });
    return this.view(collegeId, record);
  }

  async isComplete(collegeId: string): Promise<boolean> {
    return this.profiles.exists({ _id: collegeId });
  }

  private async view(collegeId: string, profile: Omit<CollegeProfile, '_id'> | null): Promise<CollegeProfileView> {
    const college = await this.directory.findById(collegeId);
    if (!college) throw new PlatformError('COLLEGE_NOT_FOUND');
    const province = await this.regions.findProvince(college.provinceCode);
    const cityName = (await this.regions.cityNames([college.cityCode])).get(college.cityCode) ?? '';
    const base = {
      collegeId,
      collegeName: college.name,
      identificationCode: college.identificationCode,
      provinceCode: college.provinceCode,
      provinceName: province?.name ?? '',
      cityCode: college.cityCode,
      cityName,
    };
    if (!profile) return { ...base, collegeType: college.type, complete: false };
    const fields = Object.fromEntries(PROFILE_FIELDS.map((name) => [name, profile[name]]));
    return { ...base, ...fields, complete: true, updatedAt: profile.updatedAt.toISOString() };
  }
}

const PROFILE_FIELDS = [
  'collegeType',
  'address',
  'postalCode',
  'principalName',
  'leaderName',
  'contactName',
  'contactPhone',
  'email',
  'fullTimeTeachers',
  'students',
  'description',
] as const satisfies readonly (keyof CollegeProfileFields)[];

function collegeOf(actor: Actor): string {
  if (actor.role !== 'college' || !actor.collegeId) throw new PlatformError('FORBIDDEN');
  return actor.collegeId;
}

/** What the gateway's form checks cannot know: the counts must make sense together. */
function checkRules(fields: CollegeProfileFields): void {
  if (!COLLEGE_TYPES.includes(fields.collegeType)) throw new PlatformError('VALIDATION_FAILED');
  if (fields.fullTimeTeachers > fields.students && fields.students > 0) {
    throw new PlatformError('VALIDATION_FAILED', '专任教师人数不能多于在校学生人数', {
      fields: { fullTimeTeachers: ['专任教师人数不能多于在校学生人数'] },
    });
  }
}
