import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { PlanningEvents, PlatformError, type PlanWindowClosedEvent } from '@pilot/contracts';
import { InjectRepository, type Repository } from '@pilot/store';
import { Plan } from './plan.schema';
import { PLANS_OPTIONS, type PlansOptions } from './plans.options';
import { PlansService } from './plans.service';

/**
 * Announces `planning.plan.window-closed` once per published plan after its window ends. It looks
 * at start-up too, so an end that passed while the service was down is announced late rather than
 * never. The announcement is a versioned change of the plan, so it cannot race an extension.
 */
@Injectable()
export class WindowCloser implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('WindowCloser');
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = false;

  constructor(
    @Inject(PLANS_OPTIONS) private readonly options: PlansOptions,
    @InjectRepository(Plan) private readonly plans: Repository<Plan>,
    private readonly changes: PlansService,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Announces every window that has ended and not been announced; returns how many. */
  async closeEnded(now = new Date()): Promise<number> {
    const ended = await this.plans.find({ published: true, deletedAt: { $exists: false }, windowClosedAt: { $exists: false }, endsAt: { $lt: now } });
    let announced = 0;
    for (const plan of ended) {
      const event: PlanWindowClosedEvent = { planId: plan.id, provinceCode: plan.provinceCode, year: plan.year, endsAt: plan.endsAt.toISOString() };
      try {
        await this.changes.change(plan, { set: { windowClosedAt: now }, events: [{ type: PlanningEvents.planWindowClosed, payload: event }] });
        announced += 1;
        this.logger.log({ msg: 'plan window closed', planId: plan.id, provinceCode: plan.provinceCode, endsAt: event.endsAt });
      } catch (err) {
        // Someone else changed or announced it meanwhile: the next round reads it again.
        if (!(err instanceof PlatformError && err.code === 'PLAN_CHANGED')) throw err;
      }
    }
    return announced;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.closeEnded()
        .catch((err: unknown) => {
          this.logger.error({ msg: 'window check failed', error: (err as Error).message });
          return 0;
        })
        .finally(() => {
          this.running = undefined;
          this.schedule(this.options.windowCheckIntervalMs);
        });
    }, delayMs);
  }
}
