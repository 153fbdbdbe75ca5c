import { Injectable, Logger } from '@nestjs/common';
import {
  ApplicationEvents,
  MAX_MAJORS_PER_APPLICATION,
  PlatformError,
  planStatus,
  requireRole,
  type Actor,
  type ApplicationSubmittedEvent,
  type ApplicationView,
  type DraftChange,
  type DraftFields,
} from '@pilot/contracts';
import { InjectRepository, type Repository, type Stored } from '@pilot/store';
import { KnownPlansService, type KnownPlanView } from '../plans/known-plans.service';
import { viewOf } from './application-views';
import { Application, applicationKeyOf, type HistoryStep } from './application.schema';
import { ReferenceData } from './reference-data';
import { cleanRichText } from './rich-text';

const EDITABLE = ['draft', 'rejected'];

/** 申报证书试点 by a college: drafts, edits, deletion and submission, all inside the plan's window. */
@Injectable()
export class DraftingService {
  private readonly logger = new Logger('Drafting');

  constructor(
    @InjectRepository(Application) private readonly applications: Repository<Application>,
    private readonly plans: KnownPlansService,
    private readonly reference: ReferenceData,
  ) {}

  async create(actor: Actor, fields: DraftFields, now = new Date()): Promise<ApplicationView> {
    const college = requireRole(actor, 'college');
    const plan = await this.openPlan(college, fields.planId, now);
    if (plan.certificates.length > 0 && !plan.certificates.some((allowed) => allowed.certificateId === fields.certificateId)) {
      throw new PlatformError('CERTIFICATE_NOT_IN_PLAN');
    }
    const profile = await this.reference.college(college);
    if (!profile.complete) throw new PlatformError('PROFILE_INCOMPLETE');
    const certificate = await this.reference.certificate(college, fields.certificateId);
    const content = await this.content(college, plan, fields);
    const created = await this.applications.create(
      {
        applicationKey: applicationKeyOf(profile.collegeId, plan._id, certificate.id),
        planId: plan._id,
        planName: plan.name,
        year: plan.year,
        byMajor: plan.byMajor,
        cityApprovalRequired: plan.cityApprovalRequired,
        collegeId: profile.collegeId,
        collegeName: profile.collegeName,
        provinceCode: profile.provinceCode,
        cityCode: profile.cityCode,
        cityName: profile.cityName,
        certificateId: certificate.id,
        certificateName: certificate.name,
        organisation: certificate.organisation,
        ...content,
        status: 'draft',
        version: 1,
        history: [{ at: now, action: 'created', actorRole: 'college', actorId: college.accountId, actorName: profile.collegeName }],
      },
      { taken: 'APPLICATION_EXISTS' },
    );
    this.logger.log({ msg: 'application drafted', applicationId: created.id, planId: plan._id, certificateId: certificate.id });
    return viewOf(created);
  }

  async update(actor: Actor, id: string, { version, ...change }: DraftChange, now = new Date()): Promise<ApplicationView> {
    const application = await this.own(actor, id, version);
    if (!EDITABLE.includes(application.status)) throw new PlatformError('APPLICATION_LOCKED');
    const plan = await this.openPlan(actor, application.planId, now);
    const content = await this.content(actor, plan, {
      majorCodes: change.majorCodes ?? application.majors.map((major) => major.code),
      plannedTrainees: change.plannedTrainees ?? application.plannedTrainees,
      teachersHtml: change.teachersHtml ?? application.teachersHtml,
      venueHtml: change.venueHtml ?? application.venueHtml,
      files: change.files ?? application.files,
    });
    const step: HistoryStep = { at: now, action: 'updated', actorRole: 'college', actorId: actor.accountId, actorName: application.collegeName };
    const updated = await this.applications.change(application, { set: content, append: { history: [step] } }, { conflict: 'APPLICATION_CHANGED' });
    return viewOf(updated);
  }

  async delete(actor: Actor, id: string, now = new Date()): Promise<void> {
    const application = await this.own(actor, id);
    if (application.status !== 'draft') throw new PlatformError('APPLICATION_LOCKED');
    await this.openPlan(actor, application.planId, now);
    await this.applications.remove(application, { conflict: 'APPLICATION_CHANGED' });
    this.logger.log({ msg: 'application draft deleted', applicationId: id });
  }

  /** 提交审核: to the city bureau first where the plan asks for it, else to the province. */
  async submit(actor: Actor, id: string, now = new Date()): Promise<ApplicationView> {
    const application = await this.own(actor, id);
    if (!EDITABLE.includes(application.status)) throw new PlatformError('APPLICATION_LOCKED');
    await this.openPlan(actor, application.planId, now);
    if (application.byMajor && application.majors.length === 0) throw new PlatformError('MAJORS_REQUIRED');
    const status = application.cityApprovalRequired ? 'pending_city' : 'pending_province';
    const announced: ApplicationSubmittedEvent = { applicationId: id, collegeId: application.collegeId, planId: application.planId, certificateId: application.certificateId, status };
    const step: HistoryStep = { at: now, action: 'submitted', actorRole: 'college', actorId: actor.accountId, actorName: application.collegeName };
    const submitted = await this.applications.change(
      application,
      {
        set: { status, submittedAt: now },
        unset: ['approvedTrainees', 'decidedAt', 'rejectionReason'],
        append: { history: [step] },
        events: [{ type: ApplicationEvents.applicationSubmitted, payload: announced }],
      },
      { conflict: 'APPLICATION_CHANGED' },
    );
    this.logger.log({ msg: 'application submitted', applicationId: id, status });
    return viewOf(submitted);
  }

  /** The plan, published in the college's province and open now. */
  private async openPlan(actor: Actor, planId: string, now: Date): Promise<KnownPlanView> {
    const plan = await this.plans.find(planId);
    if (!plan || plan.provinceCode !== actor.provinceCode) throw new PlatformError('PLAN_NOT_FOUND');
    if (planStatus(plan, now) !== 'open') throw new PlatformError('PLAN_NOT_OPEN');
    return plan;
  }

  private async own(actor: Actor, id: string, version?: number): Promise<Stored<Application>> {
    const college = requireRole(actor, 'college');
    const application = await this.applications.get(id);
    if (!application || application.collegeId !== college.collegeId) throw new PlatformError('APPLICATION_NOT_FOUND');
    if (version !== undefined && version !== application.version) throw new PlatformError('APPLICATION_CHANGED');
    return application;
  }

  private async content(
    actor: Actor,
    plan: KnownPlanView,
    fields: Pick<DraftFields, 'majorCodes' | 'plannedTrainees' | 'teachersHtml' | 'venueHtml' | 'files'>,
  ) {
    const codes = [...new Set(fields.majorCodes.map((code) => code.trim().toUpperCase()))];
    if (codes.length > MAX_MAJORS_PER_APPLICATION) throw new PlatformError('VALIDATION_FAILED', `每项申报最多选择${MAX_MAJORS_PER_APPLICATION}个专业`);
    if (plan.byMajor && codes.length === 0) throw new PlatformError('MAJORS_REQUIRED');
    return {
      majors: await this.reference.majors(actor, codes),
      plannedTrainees: fields.plannedTrainees,
      teachersHtml: cleanRichText(fields.teachersHtml, '师资情况描述'),
      venueHtml: cleanRichText(fields.venueHtml, '场地情况描述'),
      files: fields.files.map(({ fileId, name, size, contentType }) => ({ fileId, name, size, contentType })),
    };
  }
}
