import { Injectable } from '@nestjs/common';
import {
  AUDIT_EXPORT_MAX_ROWS,
  PlatformError,
  type Actor,
  type AuditEntryView,
  type AuditEntryPage,
  type AuditLogQuery,
} from '@pilot/contracts';
import { InjectRepository, keywordFilter, type Repository, type Sort, type Stored } from '@pilot/store';
import type { QueryFilter } from 'mongoose';
import { AuditEntry } from '../audit/audit-entry.schema';
import { RegionNames } from './region-names';

export type AuditLogFilters = Omit<AuditLogQuery, 'page' | 'pageSize'>;

/** Newest first; entries of the same millisecond in the order they were written. */
const NEWEST_FIRST: Sort = { at: -1, _id: -1 };

/** Reads the audit log: administrators all of it, a province's reviewers the entries that lie in their province. */
@Injectable()
export class AuditLog {
  constructor(
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    private readonly regions: RegionNames,
  ) {}

  async page(actor: Actor, query: AuditLogQuery): Promise<AuditEntryPage> {
    const found = await this.entries.page(filterOf(actor, query), { page: query.page, pageSize: query.pageSize, sort: NEWEST_FIRST });
    return { ...found, items: await this.views(found.items) };
  }

  /** Every matching entry, newest first; more than an export holds is refused rather than cut short. */
  async all(actor: Actor, filters: AuditLogFilters): Promise<AuditEntryView[]> {
    // One read more than the limit tells whether there are too many, without counting them all first.
    const found = await this.entries.find(filterOf(actor, filters), { sort: NEWEST_FIRST, limit: AUDIT_EXPORT_MAX_ROWS + 1 });
    if (found.length > AUDIT_EXPORT_MAX_ROWS) throw new PlatformError('AUDIT_EXPORT_TOO_LARGE');
    return this.views(found);
  }

  private async views(entries: Stored<AuditEntry>[]): Promise<AuditEntryView[]> {
    const names = await this.regions.namesFor(entries.flatMap((entry) => (entry.provinceCode ? [entry.provinceCode] : [])));
    return entries.map((entry) => viewOf(entry, names));
  }
}

/** Who may read which entries: the province's own for its reviewers, everything for administrators, nothing for anyone else. */
function readableBy(actor: Actor): QueryFilter<AuditEntry> {
  if (actor.role === 'admin') return {};
  if (actor.role === 'province_reviewer' && actor.provinceCode) return { provinces: actor.provinceCode };
  throw new PlatformError('FORBIDDEN');
}

/** Equalities and one time range over indexed fields, keywords last: the shape both stores serve simply. */
function filterOf(actor: Actor, query: AuditLogFilters): QueryFilter<AuditEntry> {
  const at = { ...(query.from ? { $gte: new Date(query.from) } : {}), ...(query.to ? { $lte: new Date(query.to) } : {}) };
  const keywords = [keywordFilter(query.actor, ['actorName']), keywordFilter(query.target, ['targetLabel', 'targetId'])].filter(
    (keyword) => Object.keys(keyword).length > 0,
  );
  return {
    ...readableBy(actor),
    ...(Object.keys(at).length > 0 ? { at } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(query.outcome ? { outcome: query.outcome } : {}),
    ...(query.targetType ? { targetType: query.targetType } : {}),
    ...(keywords.length > 0 ? { $and: keywords } : {}),
  } as QueryFilter<AuditEntry>;
}

function viewOf(entry: Stored<AuditEntry>, names: Map<string, string>): AuditEntryView {
  return {
    id: entry.id,
    at: new Date(entry.at).toISOString(),
    action: entry.action,
    outcome: entry.outcome,
    ...(entry.errorCode ? { errorCode: entry.errorCode } : {}),
    actor: definedOnly({ accountId: entry.actorId, username: entry.actorName, role: entry.actorRole }),
    scope: definedOnly({
      provinceCode: entry.provinceCode,
      provinceName: entry.provinceCode ? names.get(entry.provinceCode) : undefined,
      cityCode: entry.cityCode,
      cityName: entry.cityCode ? names.get(entry.cityCode) : undefined,
      collegeId: entry.collegeId,
    }),
    ...(entry.targetType
      ? { target: definedOnly({ type: entry.targetType, id: entry.targetId, label: entry.targetLabel, provinceCode: entry.targetProvinceCode }) }
      : {}),
    ...(entry.summary ? { summary: entry.summary } : {}),
    address: entry.address ?? '',
    correlationId: entry.correlationId ?? '',
  };
}

function definedOnly<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== null)) as T;
}
