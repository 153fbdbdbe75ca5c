import { Injectable, Logger } from '@nestjs/common';
import {
  IMPORT_COLUMNS,
  type Actor,
  type CertificatePage,
  type CertificateView,
  type ImportReport,
  type ImportRow,
  type RejectedRow,
  type SearchCertificatesRequest,
} from '@pilot/contracts';
import { importCatalogue, saveCatalogueEntries, type AcceptedRow, type SaveCounts } from '../catalogue/catalogue-import';
import { InjectRepository, type Repository } from '@pilot/store';
import { readCertificateRow, type CertificateEntry } from './certificate-row';
import { Certificate } from './certificate.schema';
import { DEMO_CERTIFICATES } from './seed/demo-certificates';

type StoredCertificate = Pick<Certificate, '_id' | 'code' | 'name' | 'organisation' | 'levels' | 'demo'>;

/** The certificate catalogue: searched by everyone, kept by administrators' imports. */
@Injectable()
export class CertificatesService {
  private readonly logger = new Logger('Certificates');

  constructor(@InjectRepository(Certificate) private readonly certificates: Repository<Certificate>) {}

  async search(request: SearchCertificatesRequest): Promise<CertificatePage> {
    const filter = Array.isArray(request.ids) ? { _id: { $in: request.ids.map(String) } } : {};
    const found = await this.certificates.page(filter, { ...request, sort: { _id: 1 }, keyword: request.q, keywordFields: ['name', 'organisation'] });
    return { ...found, items: found.items.map(view) };
  }

  /** The certificates with these ids that exist, by id. */
  async findByIds(ids: string[]): Promise<Map<string, CertificateView>> {
    if (ids.length === 0) return new Map();
    const found = await this.certificates.find({ _id: { $in: ids } });
    return new Map(found.map((certificate) => [certificate._id, view(certificate)]));
  }

  async import(rows: ImportRow<'certificates'>[], admin: Actor): Promise<ImportReport> {
    const report = await importCatalogue(
      { kind: 'certificates', catalogue: this.certificates, readRow: readCertificateRow, conflicts: (accepted) => this.nameClashes(accepted) },
      rows,
    );
    const { rejected, ...counts } = report;
    this.logger.log({ msg: 'certificate catalogue imported', by: admin.accountId, ...counts, rejected: rejected.length });
    return report;
  }

  /** Loads the demo catalogue, leaving alone what administrators imported. */
  async seedDemo(): Promise<SaveCounts> {
    const candidates = DEMO_CERTIFICATES.map((entry, index) => ({ row: index + 1, entry }));
    const clashes = await this.nameClashes(candidates);
    for (const clash of clashes) this.logger.warn({ msg: 'demo certificate skipped', code: candidates[clash.row - 1].entry.code, reason: clash.reason });
    const skipped = new Set(clashes.map((clash) => clash.row));
    return saveCatalogueEntries(
      this.certificates,
      candidates.filter((candidate) => !skipped.has(candidate.row)).map((candidate) => candidate.entry),
      true,
    );
  }

  /** A name belongs to one certificate: refuses a name another code has, in the store or higher up the sheet. */
  private async nameClashes(accepted: AcceptedRow<CertificateEntry>[]): Promise<RejectedRow[]> {
    const names = [...new Set(accepted.map(({ entry }) => entry.name))];
    const holders = await this.certificates.find({ name: { $in: names } }, { select: ['name'] });
    const storedHolder = new Map(holders.map((holder) => [holder.name, holder._id]));
    const firstRowOfName = new Map<string, number>();
    const clashes: RejectedRow[] = [];
    for (const { row, entry } of accepted) {
      const earlierRow = firstRowOfName.get(entry.name);
      const holder = storedHolder.get(entry.name);
      if (earlierRow !== undefined) {
        clashes.push({ row, reason: `${IMPORT_COLUMNS.certificates.name}“${entry.name}”与第${earlierRow}行重复` });
      } else if (holder !== undefined && holder !== entry.code) {
        clashes.push({ row, reason: `${IMPORT_COLUMNS.certificates.name}“${entry.name}”已被${IMPORT_COLUMNS.certificates.code}“${holder}”使用` });
      }
      if (earlierRow === undefined) firstRowOfName.set(entry.name, row);
    }
    return clashes;
  }
}

function view(certificate: StoredCertificate): CertificateView {
  return {
    id: certificate._id,
    code: certificate.code,
    name: certificate.name,
    organisation: certificate.organisation,
    levels: certificate.levels,
    demo: certificate.demo,
  };
}
