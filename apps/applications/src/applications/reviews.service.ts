import { Injectable, Logger } from '@nestjs/common';
import {
  ApplicationEvents,
  PlatformError,
  requireRole,
  type Actor,
  type ApplicationReviewedEvent,
  type ApplicationStatus,
  type ApplicationView,
  type ReviewRequest,
} from '@pilot/contracts';
import { InjectRepository, type Repository, type Stored } from '@pilot/store';
import { KnownPlansService } from '../plans/known-plans.service';
import { awaitingLevelOf, visibleTo } from './application-scope';
import { viewOf } from './application-views';
import { Application, type HistoryStep } from './application.schema';
import { PlanSettlement } from './plan-settlement';
import { QuotaLedger } from './quota-ledger';
import { ReferenceData } from './reference-data';

/**
 * Reviews: the city bureau first where the plan asks for it (approve passes the application on,
 * reject ends it), then the provincial department (approve with a headcount, or reject with a
 * reason). A reviewer acts only on applications of their area waiting for their level.
 */
@Injectable()
export class ReviewsService {
  private readonly logger = new Logger('Reviews');

  constructor(
    @InjectRepository(Application) private readonly applications: Repository<Application>,
    private readonly plans: KnownPlansService,
    private readonly quotas: QuotaLedger,
    private readonly reference: ReferenceData,
    private readonly settlement: PlanSettlement,
  ) {}

  async review(actor: Actor, id: string, request: ReviewRequest, now = new Date()): Promise<ApplicationView> {
    const reviewer = requireRole(actor, 'city_reviewer', 'province_reviewer');
    const application = await this.applications.get(id, visibleTo(reviewer));
    if (!application) throw new PlatformError('APPLICATION_NOT_FOUND');
    if (application.status !== awaitingLevelOf(reviewer)) throw new PlatformError('NOT_AWAITING_YOUR_REVIEW');
    const comment = request.comment?.trim() || undefined;
    if (request.decision === 'reject') {
      if (!comment) throw new PlatformError('REJECTION_REASON_REQUIRED');
      return this.decide(reviewer, application, 'rejected', { comment }, now);
    }
    if (reviewer.role === 'city_reviewer') return this.decide(reviewer, application, 'pending_province', { comment }, now);
    return this.approve(reviewer, application, request.approvedTrainees, comment, now);
  }

  private async approve(reviewer: Actor, application: Stored<Application>, approvedTrainees: number | undefined, comment: string | undefined, now: Date) {
    if (approvedTrainees === undefined || approvedTrainees === null) throw new PlatformError('APPROVED_TRAINEES_REQUIRED');
    if (approvedTrainees > application.plannedTrainees) throw new PlatformError('APPROVED_ABOVE_PLANNED');
    const quota = (await this.plans.find(application.planId))?.certificates.find((c) => c.certificateId === application.certificateId)?.quota;
    if (!quota) return this.decide(reviewer, application, 'approved', { comment, approvedTrainees }, now);
    return this.quotas.inTurn(application.planId, application.certificateId, async () => {
      const remaining = quota - (await this.quotas.approvedSoFar(application.planId, application.certificateId));
      if (approvedTrainees > remaining) {
        throw new PlatformError('QUOTA_EXCEEDED', `已批准培训人数超出该证书本批次的剩余指标（剩余${Math.max(remaining, 0)}人）`);
      }
      return this.decide(reviewer, application, 'approved', { comment, approvedTrainees }, now);
    });
  }

  private async decide(
    reviewer: Actor,
    application: Stored<Application>,
    status: ApplicationStatus,
    outcome: { comment?: string; approvedTrainees?: number },
    now: Date,
  ): Promise<ApplicationView> {
    const level = reviewer.role === 'city_reviewer' ? 'city' : 'province';
    const decision = status === 'rejected' ? 'reject' : 'approve';
    const actorName = level === 'city' ? `${application.cityName}教育局` : await this.reference.departmentName(application.provinceCode);
    const step: HistoryStep = { at: now, action: status === 'rejected' ? 'rejected' : 'approved', actorRole: reviewer.role, actorId: reviewer.accountId, actorName, level, ...outcome };
    const announced: ApplicationReviewedEvent = {
      applicationId: application.id,
      collegeId: application.collegeId,
      collegeName: application.collegeName,
      provinceCode: application.provinceCode,
      cityCode: application.cityCode,
      planId: application.planId,
      planName: application.planName,
      year: application.year,
      certificateName: application.certificateName,
      level,
      decision,
      status,
      ...outcome,
      decidedAt: now.toISOString(),
    };
    const final = status === 'approved' || status === 'rejected';
    const decided = await this.applications.change(
      application,
      {
        set: {
          status,
          ...(final ? { decidedAt: now } : {}),
          ...(status === 'approved' ? { approvedTrainees: outcome.approvedTrainees } : {}),
          ...(status === 'rejected' ? { rejectionReason: outcome.comment } : {}),
        },
        append: { history: [step] },
        events: [{ type: ApplicationEvents.applicationReviewed, payload: announced }],
      },
      { conflict: 'APPLICATION_CHANGED' },
    );
    this.logger.log({ msg: 'application reviewed', applicationId: application.id, level, decision, status, by: reviewer.accountId });
    // The last decision of a closed plan settles its results; the sweep catches it if this fails.
    if (final) await this.settlement.settleIfDone(application.planId, now).catch((err: Error) => this.logger.warn({ msg: 'settlement check failed', planId: application.planId, error: err.message }));
    return viewOf(decided);
  }
}
