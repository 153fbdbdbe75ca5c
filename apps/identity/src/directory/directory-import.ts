import { Injectable, Logger } from '@nestjs/common';
import { IMPORT_MAX_ROWS, PlatformError, type Actor, type ImportReport, type ImportRow, type RejectedRow } from '@pilot/contracts';
import { InjectRepository, isDuplicateKeyError, type Repository, type Stored } from '@pilot/store';
import { Types } from 'mongoose';
import { RegionsService } from '../regions/regions.service';
import { College } from './college.schema';
import { checkCollegeRow, type CollegeEntry } from './college-row';

/** How many keys one `$in` look-up carries. */
const LOOKUP_SLICE = 500;

type StoredCollege = Pick<Stored<College>, '_id' | 'name' | 'identificationCode' | 'provinceCode' | 'cityCode' | 'type' | 'demo'>;

interface AcceptedRow {
  row: number;
  entry: CollegeEntry;
  /** The entry the row updates, if the directory has its identification code. */
  stored?: StoredCollege;
  outcome: 'created' | 'updated' | 'unchanged';
}

/**
 * The official college list as an administrator uploads it. Rows are upserted by identification
 * code; a row is rejected, with its reason, when its cells are wrong, when an earlier row has the
 * same code, or when its name is already used in its province by another college (in the
 * directory or earlier in the file) — the directory's unique index on province and name would
 * otherwise refuse the write.
 */
@Injectable()
export class DirectoryImport {
  private readonly logger = new Logger('DirectoryImport');

  constructor(
    @InjectRepository(College) private readonly colleges: Repository<College>,
    private readonly regions: RegionsService,
  ) {}

  async importColleges(rows: ImportRow<'colleges'>[], actor: Actor): Promise<ImportReport> {
    if (!Array.isArray(rows)) throw new PlatformError('VALIDATION_FAILED');
    if (rows.length > IMPORT_MAX_ROWS) throw new PlatformError('IMPORT_TOO_MANY_ROWS');
    const regionNames = await this.regions.regionNames();
    const checked = rows.map((row) => checkCollegeRow(row, regionNames));
    const entries = checked.flatMap((row) => ('entry' in row ? [row.entry] : []));
    const byCode = await this.storedByCode(entries.map((entry) => entry.identificationCode));
    const byName = await this.storedByProvinceAndName(entries.map((entry) => entry.name));

    const rejected: RejectedRow[] = [];
    const accepted: AcceptedRow[] = [];
    const rowOfCode = new Map<string, number>();
    const rowOfName = new Map<string, number>();
    for (const row of checked) {
      if ('reasons' in row) {
        rejected.push({ row: row.row, reason: row.reasons.join('；') });
        continue;
      }
      const { entry } = row;
      const nameKey = provinceAndName(entry);
      const earlierWithCode = rowOfCode.get(entry.identificationCode);
      const earlierWithName = rowOfName.get(nameKey);
      const namesake = byName.get(nameKey);
      if (earlierWithCode !== undefined) {
        rejected.push({ row: row.row, reason: `学校标识码${entry.identificationCode}与第${earlierWithCode}行重复` });
      } else if (earlierWithName !== undefined) {
        rejected.push({ row: row.row, reason: `${entry.provinceName}的院校名称“${entry.name}”与第${earlierWithName}行重复` });
      } else if (namesake && namesake.identificationCode !== entry.identificationCode) {
        rejected.push({ row: row.row, reason: `${entry.provinceName}已有同名院校“${entry.name}”（学校标识码${namesake.identificationCode}）` });
      } else {
        const stored = byCode.get(entry.identificationCode);
        accepted.push({ row: row.row, entry, stored, outcome: outcomeOf(entry, stored) });
      }
      if (earlierWithCode === undefined) rowOfCode.set(entry.identificationCode, row.row);
      if (earlierWithName === undefined) rowOfName.set(nameKey, row.row);
    }

    const clashes = await this.write(accepted.filter((row) => row.outcome !== 'unchanged'));
    rejected.push(...clashes.map(({ row }) => ({ row, reason: '与目录中其他院校的名称或学校标识码冲突（可能正被同时修改），请稍后重新导入' })));
    rejected.sort((a, b) => a.row - b.row);
    const written = accepted.filter((row) => !clashes.includes(row));
    const report: ImportReport = {
      total: rows.length,
      created: written.filter((row) => row.outcome === 'created').length,
      updated: written.filter((row) => row.outcome === 'updated').length,
      unchanged: written.filter((row) => row.outcome === 'unchanged').length,
      rejected,
    };
    this.logger.log({ msg: 'college directory imported', by: actor.username, ...report, rejected: rejected.length });
    return report;
  }

  /**
   * Writes the rows: each by an `_id`, the one the look-up found or a new one for a new code,
   * since on FerretDB an upsert by any other filter scans the whole directory. The checks above saw
   * the directory as it was, so a concurrent change can still make the store refuse a row: then
   * every row is upserted again by its code, one by one (what went through already is set to the
   * same values again), and the rows the store still refuses are returned.
   */
  private async write(rows: AcceptedRow[]): Promise<AcceptedRow[]> {
    try {
      await this.colleges.upsertMany(rows.map(writeOf));
      return [];
    } catch (err) {
      if (!isUniqueClash(err)) throw err;
    }
    const refused: AcceptedRow[] = [];
    for (const row of rows) {
      const { identificationCode } = row.entry;
      try {
        await this.colleges.upsertMany([{ filter: { identificationCode }, set: officialFields(row.entry) }]);
      } catch (err) {
        if (!isUniqueClash(err)) throw err;
        refused.push(row);
      }
    }
    return refused;
  }

  private async storedByCode(codes: string[]): Promise<Map<string, StoredCollege>> {
    const found = await this.findInSlices('identificationCode', [...new Set(codes)]);
    return new Map(found.map((college) => [college.identificationCode, college]));
  }

  private async storedByProvinceAndName(names: string[]): Promise<Map<string, StoredCollege>> {
    const found = await this.findInSlices('name', [...new Set(names)]);
    return new Map(found.map((college) => [provinceAndName(college), college]));
  }

  private async findInSlices(field: 'identificationCode' | 'name', values: string[]): Promise<StoredCollege[]> {
    const found: StoredCollege[] = [];
    for (let start = 0; start < values.length; start += LOOKUP_SLICE) {
      const slice = values.slice(start, start + LOOKUP_SLICE);
      found.push(...(await this.colleges.find({ [field]: { $in: slice } }, { select: ['name', 'identificationCode', 'provinceCode', 'cityCode', 'type', 'demo'] })));
    }
    return found;
  }
}

function provinceAndName(college: { provinceCode: string; name: string }): string {
  return `${college.provinceCode}/${college.name}`;
}

function outcomeOf(entry: CollegeEntry, stored: StoredCollege | undefined): AcceptedRow['outcome'] {
  if (!stored) return 'created';
  const same =
    stored.name === entry.name &&
    stored.provinceCode === entry.provinceCode &&
    stored.cityCode === entry.cityCode &&
    stored.type === entry.type &&
    stored.demo === false;
  return same ? 'unchanged' : 'updated';
}

/** A new code gets a new `_id`: the store finds nothing by it at once, and the unique code still guards it. */
function writeOf({ entry, stored }: AcceptedRow): { filter: { _id: Types.ObjectId }; set: Partial<College> } {
  if (!stored) return { filter: { _id: new Types.ObjectId() }, set: { identificationCode: entry.identificationCode, ...officialFields(entry) } };
  return { filter: { _id: stored._id }, set: officialFields(entry) };
}

/** Imported entries are the official list, no longer demo data. */
function officialFields({ name, provinceCode, cityCode, type }: CollegeEntry) {
  return { name, provinceCode, cityCode, type, demo: false };
}

/** Inserts report a taken unique key as 11000; FerretDB v1 reports an update that takes one as code 1. */
function isUniqueClash(err: unknown): boolean {
  return isDuplicateKeyError(err) || (err as { code?: number })?.code === 1;
}
