import { Injectable, Logger } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import {
  COLLEGE_TYPES,
  IdentityEvents,
  PlatformError,
  type Actor,
  type CollegeProfileFields,
  type CollegeProfileUpdatedEvent,
  type CollegeProfileView,
} from '@pilot/contracts';
import { DocumentTurns, OutboxRelay, outboxEvent, type OutboxEntry } from '@pilot/messaging';
import { isDuplicateKeyError } from '@pilot/runtime';
import type { Connection, Model } from 'mongoose';
import { DirectoryService } from '../directory/directory.service';
import { RegionsService } from '../regions/regions.service';
import { CollegeProfile } from './college-profile.schema';


/** 完善院校基础信息: a college reads and writes only its own. */
@Injectable()
export class CollegeProfilesService {
  private readonly logger = new Logger('CollegeProfiles');
  private readonly turns: DocumentTurns;

  constructor(
    @InjectModel(CollegeProfile.name) private readonly profiles: Model<CollegeProfile>,
    private readonly directory: DirectoryService,
    private readonly regions: RegionsService,
    private readonly relay: OutboxRelay,
    @InjectConnection() connection: Connection,
  ) {
    this.turns = new DocumentTurns(connection);
  }

  async get(actor: Actor): Promise<CollegeProfileView> {
    const collegeId = collegeOf(actor);
    const profile = await this.profiles.findById(collegeId).lean();
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
    await this.write(collegeId, record, outboxEvent(IdentityEvents.collegeProfileUpdated, announced));
    this.relay.nudge(this.profiles.modelName, collegeId);
    this.logger.log({ msg: 'college profile saved', collegeId });
    return this.view(collegeId, { _id: collegeId, ...record });
  }

  /**
   * The whole record is replaced at once, with its event. The relay removes published events from
   * this document, so the write takes its turn (DocumentTurns) rather than race the relay's.
   */
  private async write(collegeId: string, record: Partial<CollegeProfile>, event: OutboxEntry): Promise<void> {
    if (!(await this.profiles.exists({ _id: collegeId }))) {
      try {
        await this.profiles.create({ _id: collegeId, ...record, outbox: [event], writes: 1 });
        return;
      } catch (err) {
        // Saved at the same moment from another tab: update the record that won instead.
        if (!isDuplicateKeyError(err)) throw err;
      }
    }
    if (!(await this.turns.update(this.profiles, collegeId, { $set: record, $push: { outbox: event } }))) {
      throw new PlatformError('SERVICE_UNAVAILABLE');
    }
  }

  async isComplete(collegeId: string): Promise<boolean> {
    return (await this.profiles.countDocuments({ _id: collegeId })) > 0;
  }

  private async view(collegeId: string, profile: (CollegeProfile & { _id: string }) | null): Promise<CollegeProfileView> {
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
