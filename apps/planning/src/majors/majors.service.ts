import { Injectable, Logger } from '@nestjs/common';
import type { Actor, ImportReport, ImportRow, MajorPage, MajorView, SearchMajorsRequest } from '@pilot/contracts';
import { importCatalogue, saveCatalogueEntries, type SaveCounts } from '../catalogue/catalogue-import';
import { InjectRepository, type Repository } from '@pilot/store';
import { isMajorLevel, readMajorRow } from './major-row';
import { Major } from './major.schema';
import { DEMO_MAJORS } from './seed/demo-majors';

type StoredMajor = Pick<Major, '_id' | 'code' | 'name' | 'level' | 'demo'>;

/** The major catalogue (专业目录): searched by everyone, kept by administrators' imports. */
@Injectable()
export class MajorsService {
  private readonly logger = new Logger('Majors');

  constructor(@InjectRepository(Major) private readonly majors: Repository<Major>) {}

  async search(request: SearchMajorsRequest): Promise<MajorPage> {
    const filter = {
      ...(isMajorLevel(request.level) ? { level: request.level } : {}),
      ...(Array.isArray(request.codes) ? { _id: { $in: request.codes.map(String) } } : {}),
    };
    const found = await this.majors.page(filter, { ...request, sort: { _id: 1 }, keyword: request.q, keywordFields: ['name', 'code'] });
    return { ...found, items: found.items.map(view) };
  }

  /** The majors with these codes that exist, by code. */
  async findByCodes(codes: string[]): Promise<Map<string, MajorView>> {
    if (codes.length === 0) return new Map();
    const found = await this.majors.find({ _id: { $in: codes } });
    return new Map(found.map((major) => [major._id, view(major)]));
  }

  async import(rows: ImportRow<'majors'>[], admin: Actor): Promise<ImportReport> {
    const report = await importCatalogue({ kind: 'majors', catalogue: this.majors, readRow: readMajorRow }, rows);
    const { rejected, ...counts } = report;
    this.logger.log({ msg: 'major catalogue imported', by: admin.accountId, ...counts, rejected: rejected.length });
    return report;
  }

  /** Loads the demo catalogue, leaving alone what administrators imported. */
  seedDemo(): Promise<SaveCounts> {
    return saveCatalogueEntries(this.majors, [...DEMO_MAJORS], true);
  }
}

function view(major: StoredMajor): MajorView {
  return { code: major.code, name: major.name, level: major.level, demo: major.demo };
}
