import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { PlanResultsSettledEvent } from '@pilot/contracts';
import { InjectRepository, type Repository } from '@pilot/store';
import { KnownPlansService } from '../plans/known-plans.service';
import { Application } from './application.schema';

const SWEEP_EVERY_MS = 60_000;

/**
 * A plan's results are final once its window has closed and no application in it waits for a
 * review: then each college's approved certificates in it are announced, once, for identity to
 * decide who is a pilot college that year. It is checked when a window closes and after each
 * review, and swept every minute in case a check was missed (a crash, a restart).
 */
@Injectable()
export class PlanSettlement implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('PlanSettlement');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly plans: KnownPlansService,
    @InjectRepository(Application) private readonly applications: Repository<Application>,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep().catch((err: Error) => this.logger.error({ msg: 'settlement sweep failed', error: err.message })), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async sweep(now = new Date()): Promise<number> {
    let settled = 0;
    for (const planId of await this.plans.awaitingSettlement()) if (await this.settleIfDone(planId, now)) settled += 1;
    return settled;
  }

  /** Announces the plan's results if they are final and not yet announced; true when this call did. */
  async settleIfDone(planId: string, now = new Date()): Promise<boolean> {
    const plan = await this.plans.copy(planId);
    if (!plan?.windowClosedAt || plan.settledAt || plan.deletedAt) return false;
    if (await this.applications.exists({ planId, status: { $in: ['pending_city', 'pending_province'] } })) return false;
    const colleges = await this.approvalsByCollege(planId);
    const settled = await this.plans.settle(
      planId,
      ({ provinceCode, year }) => (provinceCode === undefined || year === undefined ? undefined : { planId, provinceCode, year, colleges, settledAt: now.toISOString() }),
      now,
    );
    if (settled) this.logger.log({ msg: 'plan results settled', planId, colleges: colleges.length });
    return settled;
  }

  private async approvalsByCollege(planId: string): Promise<PlanResultsSettledEvent['colleges']> {
    const submitted = await this.applications.find({ planId, status: { $ne: 'draft' } }, { select: ['collegeId', 'status'] });
    const approved = new Map<string, number>();
    for (const application of submitted) {
      approved.set(application.collegeId, (approved.get(application.collegeId) ?? 0) + (application.status === 'approved' ? 1 : 0));
    }
    return [...approved].map(([collegeId, approvedCertificates]) => ({ collegeId, approvedCertificates }));
  }
}
