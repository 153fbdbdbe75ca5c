import { Injectable } from '@nestjs/common';
import {
  APPLICATION_TABS,
  PlatformError,
  type Actor,
  type ApplicationCounts,
  type ApplicationPage,
  type ApplicationTab,
  type ApplicationView,
  type CertificateTotals,
  type ListApplicationsRequest,
} from '@pilot/contracts';
import { InjectRepository, keywordFilter, type Repository } from '@pilot/store';
import { KnownPlansService } from '../plans/known-plans.service';
import { DRAFTS_ARE_THE_COLLEGES, listFilter, statusesOf, visibleTo } from './application-scope';
import { summaryOf, viewOf } from './application-views';
import { Application } from './application.schema';

/** What colleges and reviewers read: lists with the tabs' counts, one application, and totals per certificate. */
@Injectable()
export class ApplicationQueriesService {
  constructor(
    @InjectRepository(Application) private readonly applications: Repository<Application>,
    private readonly plans: KnownPlansService,
  ) {}

  /** A reviewer who asks for drafts is told they are not theirs to read, rather than shown an empty list. */
  async list(actor: Actor, request: ListApplicationsRequest): Promise<ApplicationPage> {
    const statuses = statusesOf(actor, request.status);
    if (statuses.length === 0) throw new PlatformError('VALIDATION_FAILED', DRAFTS_ARE_THE_COLLEGES, { fields: { status: [DRAFTS_ARE_THE_COLLEGES] } });
    const keyword = actor.role === 'college' ? {} : keywordFilter(request.collegeName, ['collegeName']);
    const filter = listFilter(actor, request, keyword, statuses);
    const [found, counts] = await Promise.all([
      this.applications.page(filter, { ...request, sort: { updatedAt: -1, _id: -1 } }),
      this.counts(actor, request, keyword),
    ]);
    return { ...found, items: found.items.map(summaryOf), counts };
  }

  async get(actor: Actor, id: string): Promise<ApplicationView> {
    const application = await this.applications.get(id, visibleTo(actor));
    if (!application) throw new PlatformError('APPLICATION_NOT_FOUND');
    return viewOf(application);
  }

  /** 申报汇总: per certificate of the plan, in the reviewer's area. */
  async certificateTotals(actor: Actor, planId: string): Promise<CertificateTotals[]> {
    if (actor.role !== 'city_reviewer' && actor.role !== 'province_reviewer') throw new PlatformError('FORBIDDEN');
    const plan = await this.plans.find(planId);
    if (!plan || plan.provinceCode !== actor.provinceCode) throw new PlatformError('PLAN_NOT_FOUND');
    const found = await this.applications.find(
      { ...visibleTo(actor), planId },
      { select: ['certificateId', 'certificateName', 'organisation', 'plannedTrainees', 'approvedTrainees', 'status'] },
    );
    const quotas = new Map(plan.certificates.map((certificate) => [certificate.certificateId, certificate.quota]));
    const totals = new Map<string, CertificateTotals>();
    for (const application of found) {
      const entry = totals.get(application.certificateId) ?? {
        certificateId: application.certificateId,
        certificateName: application.certificateName,
        organisation: application.organisation,
        applications: 0,
        plannedTrainees: 0,
        approvedTrainees: 0,
        ...(quotas.get(application.certificateId) ? { quota: quotas.get(application.certificateId) } : {}),
      };
      entry.applications += 1;
      entry.plannedTrainees += application.plannedTrainees;
      if (application.status === 'approved') entry.approvedTrainees += application.approvedTrainees ?? 0;
      totals.set(application.certificateId, entry);
    }
    return [...totals.values()].sort((a, b) => a.certificateId.localeCompare(b.certificateId));
  }

  private async counts(actor: Actor, request: ListApplicationsRequest, keyword: object): Promise<ApplicationCounts> {
    const tabs = Object.keys(APPLICATION_TABS) as ApplicationTab[];
    const numbers = await Promise.all(
      tabs.map((tab) => {
        const statuses = statusesOf(actor, tab);
        return statuses.length === 0 ? 0 : this.applications.count(listFilter(actor, request, keyword, statuses));
      }),
    );
    return Object.fromEntries(tabs.map((tab, index) => [tab, numbers[index]])) as ApplicationCounts;
  }
}
