import { Injectable, Logger } from '@nestjs/common';
import {
  PlanningEvents,
  PlatformError,
  planStatus,
  type Actor,
  type ListPlansRequest,
  type PlanCertificate,
  type PlanDeletedEvent,
  type PlanFields,
  type PlanPage,
  type PlanView,
  type UpdatePlanRequest,
} from '@pilot/contracts';
import { InjectRepository, type Change, type Repository, type Stored } from '@pilot/store';
import { CertificatesService } from '../certificates/certificates.service';
import { checkWindow, windowText } from './plan-window';
import { Plan, nameKeyOf } from './plan.schema';
import { snapshotOf } from './plan-snapshot';
import { readableProvince, writableProvince } from './plan-scope';

const LIVE = { deletedAt: { $exists: false } };

/** 申报计划: province reviewers write their own province's; colleges see their province's published ones. */
@Injectable()
export class PlansService {
  private readonly logger = new Logger('Plans');

  constructor(
    @InjectRepository(Plan) private readonly plans: Repository<Plan>,
    private readonly certificates: CertificatesService,
  ) {}

  async list(actor: Actor, request: ListPlansRequest, now = new Date()): Promise<PlanPage> {
    const scope = readableProvince(actor, request.provinceCode);
    const filter = {
      ...LIVE,
      ...(scope.provinceCode ? { provinceCode: scope.provinceCode } : {}),
      ...(scope.publishedOnly ? { published: true } : {}),
      ...(request.year ? { year: request.year } : {}),
    };
    const found = await this.plans.page(filter, { ...request, sort: { startsAt: -1, _id: -1 } });
    return { ...found, items: await this.views(found.items, now) };
  }

  async get(actor: Actor, id: string, now = new Date()): Promise<PlanView> {
    return (await this.views([await this.readable(actor, id)], now))[0];
  }

  async create(actor: Actor, fields: PlanFields, now = new Date()): Promise<PlanView> {
    const provinceCode = writableProvince(actor);
    const plan = await this.checked(fields);
    const created = await this.plans.create(
      { ...plan, provinceCode, nameKey: nameKeyOf(provinceCode, plan.name), published: false, version: 1, createdBy: actor.accountId, updatedBy: actor.accountId },
      { taken: 'PLAN_NAME_TAKEN' },
    );
    this.logger.log({ msg: 'plan created', planId: created.id, provinceCode, by: actor.accountId });
    return (await this.views([created], now))[0];
  }

  /**
   * Before publication anything may change. Afterwards colleges may be applying, so only the end
   * of the window may move, and only later; values sent unchanged (a whole form) are accepted.
   */
  async update(actor: Actor, { id, version, ...changes }: UpdatePlanRequest, now = new Date()): Promise<PlanView> {
    const plan = await this.writable(actor, id, version);
    if (planStatus(plan, now) === 'closed') throw new PlatformError('PLAN_CLOSED');
    const merged = await this.checked({ ...fieldsOf(plan), ...changes });
    if (plan.published) checkPublishedChange(plan, merged);
    if (merged.name !== plan.name && (await this.plans.exists({ nameKey: nameKeyOf(plan.provinceCode, merged.name) }))) throw new PlatformError('PLAN_NAME_TAKEN');
    const set = { ...merged, nameKey: nameKeyOf(plan.provinceCode, merged.name), updatedBy: actor.accountId };
    const events = plan.published ? [{ type: PlanningEvents.planUpdated, payload: snapshotOf({ ...plan, ...set, version: plan.version + 1 }) }] : [];
    const updated = await this.change(plan, { set, events });
    this.logger.log({ msg: 'plan updated', planId: id, published: plan.published, by: actor.accountId });
    return (await this.views([updated], now))[0];
  }

  async publish(actor: Actor, id: string, now = new Date()): Promise<PlanView> {
    const plan = await this.writable(actor, id);
    if (plan.published) throw new PlatformError('PLAN_ALREADY_PUBLISHED');
    if (planStatus(plan, now) === 'closed') throw new PlatformError('PLAN_CLOSED');
    const set = { published: true, publishedAt: now, updatedBy: actor.accountId };
    const event = { type: PlanningEvents.planPublished, payload: snapshotOf({ ...plan, version: plan.version + 1 }) };
    const published = await this.change(plan, { set, events: [event] });
    this.logger.log({ msg: 'plan published', planId: id, provinceCode: plan.provinceCode, by: actor.accountId });
    return (await this.views([published], now))[0];
  }

  /** Colleges apply only inside the window, so a plan whose window has not opened has no applications. */
  async delete(actor: Actor, id: string, now = new Date()): Promise<void> {
    const plan = await this.writable(actor, id);
    if (plan.published && planStatus(plan, now) !== 'not_started') throw new PlatformError('PLAN_CANNOT_DELETE');
    const announced: PlanDeletedEvent = { planId: id, provinceCode: plan.provinceCode };
    const events = plan.published ? [{ type: PlanningEvents.planDeleted, payload: announced }] : [];
    await this.change(plan, { set: { deletedAt: now, nameKey: id, updatedBy: actor.accountId }, events });
    this.logger.log({ msg: 'plan deleted', planId: id, published: plan.published, by: actor.accountId });
  }

  /** One change of the version that was read, with its events; the window check uses it too. A rename racing another batch to the same name loses. */
  change(plan: Stored<Plan>, change: Change<Plan>): Promise<Stored<Plan>> {
    return this.plans.change(plan, change, { conflict: 'PLAN_CHANGED', taken: 'PLAN_NAME_TAKEN' });
  }

  private async readable(actor: Actor, id: string): Promise<Stored<Plan>> {
    const scope = readableProvince(actor);
    const plan = await this.plans.get(id);
    const visible = plan && !plan.deletedAt && (!scope.provinceCode || plan.provinceCode === scope.provinceCode) && (!scope.publishedOnly || plan.published);
    if (!visible) throw new PlatformError('PLAN_NOT_FOUND');
    return plan;
  }

  /** Another province's plan reads as absent, so that nothing tells what exists elsewhere. */
  private async writable(actor: Actor, id: string, version?: number): Promise<Stored<Plan>> {
    const provinceCode = writableProvince(actor);
    const plan = await this.plans.get(id);
    if (!plan || plan.deletedAt || plan.provinceCode !== provinceCode) throw new PlatformError('PLAN_NOT_FOUND');
    if (version !== undefined && version !== plan.version) throw new PlatformError('PLAN_CHANGED');
    return plan;
  }

  private async checked(fields: PlanFields): Promise<Omit<PlanFields, 'startsAt' | 'endsAt'> & { startsAt: Date; endsAt: Date; certificates: PlanCertificate[] }> {
    const startsAt = new Date(fields.startsAt);
    const endsAt = new Date(fields.endsAt);
    checkWindow(fields.year, startsAt, endsAt);
    const certificates = (fields.certificates ?? []).map(({ certificateId, quota }) => ({ certificateId, ...(quota ? { quota } : {}) }));
    const ids = certificates.map((c) => c.certificateId);
    if (new Set(ids).size !== ids.length) throw new PlatformError('VALIDATION_FAILED', '同一证书不能重复添加');
    const known = await this.certificates.findByIds(ids);
    const unknown = ids.find((certificateId) => !known.has(certificateId));
    if (unknown) throw new PlatformError('CERTIFICATE_NOT_FOUND', `证书目录中没有代码为${unknown}的证书`);
    return { year: fields.year, name: fields.name.trim(), startsAt, endsAt, byMajor: fields.byMajor, cityApprovalRequired: fields.cityApprovalRequired, certificates };
  }

  private async views(plans: Stored<Plan>[], now: Date): Promise<PlanView[]> {
    const names = await this.certificates.findByIds([...new Set(plans.flatMap((plan) => plan.certificates.map((c) => c.certificateId)))]);
    return plans.map((plan) => ({
      id: plan.id,
      provinceCode: plan.provinceCode,
      year: plan.year,
      name: plan.name,
      startsAt: plan.startsAt.toISOString(),
      endsAt: plan.endsAt.toISOString(),
      windowText: windowText(plan.startsAt, plan.endsAt),
      byMajor: plan.byMajor,
      cityApprovalRequired: plan.cityApprovalRequired,
      certificates: plan.certificates.map(({ certificateId, quota }) => ({
        certificateId,
        ...(quota ? { quota } : {}),
        name: names.get(certificateId)?.name ?? '',
        organisation: names.get(certificateId)?.organisation ?? '',
      })),
      published: plan.published,
      ...(plan.publishedAt ? { publishedAt: plan.publishedAt.toISOString() } : {}),
      status: planStatus(plan, now),
      version: plan.version,
      createdAt: plan.createdAt.toISOString(),
      updatedAt: plan.updatedAt.toISOString(),
    }));
  }
}

function fieldsOf(plan: Stored<Plan>): PlanFields {
  return {
    year: plan.year,
    name: plan.name,
    startsAt: plan.startsAt.toISOString(),
    endsAt: plan.endsAt.toISOString(),
    byMajor: plan.byMajor,
    cityApprovalRequired: plan.cityApprovalRequired,
    certificates: plan.certificates.map(({ certificateId, quota }) => ({ certificateId, ...(quota ? { quota } : {}) })),
  };
}

function checkPublishedChange(plan: Stored<Plan>, next: { year: number; name: string; startsAt: Date; endsAt: Date; byMajor: boolean; cityApprovalRequired: boolean; certificates: PlanCertificate[] }): void {
  const same =
    next.year === plan.year &&
    next.name === plan.name &&
    next.startsAt.getTime() === plan.startsAt.getTime() &&
    next.byMajor === plan.byMajor &&
    next.cityApprovalRequired === plan.cityApprovalRequired &&
    JSON.stringify(next.certificates) === JSON.stringify(fieldsOf(plan).certificates);
  if (!same) throw new PlatformError('PLAN_PUBLISHED_LOCKED');
  if (next.endsAt.getTime() < plan.endsAt.getTime()) throw new PlatformError('PLAN_WINDOW_SHORTENED');
}
