import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { ApplicationEvents, type PlanResultsSettledEvent } from '@pilot/contracts';
import { OutboxRelay, outboxEvent } from '@pilot/messaging';
import { SingleWinner } from '@pilot/runtime';
import type { Connection, Model } from 'mongoose';
import { Application } from './application.schema';
import { KnownPlan } from '../plans/known-plan.schema';

const SWEEP_EVERY_MS = 60_000;
const STALE_CLAIM_MS = 30_000;

/**
 * A plan's results are final once its window has closed and no application in it waits for a
 * review: then each college's approved certificates in it are announced, once, for identity to
 * decide who is a pilot college that year. It is checked when a window closes and after each
 * review, and swept every minute in case a check was missed (a crash, a restart).
 */
@Injectable()
export class PlanSettlement implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('PlanSettlement');
  private readonly claims: SingleWinner;
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectModel(KnownPlan.name) private readonly plans: Model<KnownPlan>,
    @InjectModel(Application.name) private readonly applications: Model<Application>,
    private readonly relay: OutboxRelay,
    @InjectConnection() connection: Connection,
  ) {
    this.claims = new SingleWinner(connection);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep().catch((err: Error) => this.logger.error({ msg: 'settlement sweep failed', error: err.message })), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async sweep(now = new Date()): Promise<number> {
    const waiting = await this.plans.find({ windowClosedAt: { $exists: true }, settledAt: { $exists: false }, deletedAt: { $exists: false } }, { _id: 1 }).lean();
    let settled = 0;
    for (const plan of waiting) if (await this.settleIfDone(plan._id, now)) settled += 1;
    return settled;
  }

  /** Announces the plan's results if they are final and not yet announced; true when this call did. */
  async settleIfDone(planId: string, now = new Date()): Promise<boolean> {
    const plan = await this.plans.findById(planId).lean();
    if (!plan?.windowClosedAt || plan.settledAt || plan.deletedAt || plan.provinceCode === undefined || plan.year === undefined) return false;
    if (await this.applications.exists({ planId, status: { $in: ['pending_city', 'pending_province'] } })) return false;
    if (!(await this.claims.claimRecovering(`plan-settled:${planId}`, STALE_CLAIM_MS, now))) return false;
    const results: PlanResultsSettledEvent = {
      planId,
      provinceCode: plan.provinceCode,
      year: plan.year,
      colleges: await this.approvalsByCollege(planId),
      settledAt: now.toISOString(),
    };
    await this.plans.updateOne({ _id: planId }, { $set: { settledAt: now }, $push: { outbox: outboxEvent(ApplicationEvents.planResultsSettled, results) } });
    this.relay.nudge(this.plans.modelName, planId);
    this.logger.log({ msg: 'plan results settled', planId, colleges: results.colleges.length });
    return true;
  }

  private async approvalsByCollege(planId: string): Promise<PlanResultsSettledEvent['colleges']> {
    const submitted = await this.applications.find({ planId, status: { $ne: 'draft' } }, { collegeId: 1, status: 1 }).lean();
    const approved = new Map<string, number>();
    for (const application of submitted) {
      approved.set(application.collegeId, (approved.get(application.collegeId) ?? 0) + (application.status === 'approved' ? 1 : 0));
    }
    return [...approved].map(([collegeId, approvedCertificates]) => ({ collegeId, approvedCertificates }));
  }
}
