import { Injectable, Logger } from '@nestjs/common';
import { ApplicationEvents, type PlanDeletedEvent, type PlanResultsSettledEvent, type PlanSnapshot, type PlanWindowClosedEvent } from '@pilot/contracts';
import { InjectRepository, type Repository } from '@pilot/store';
import { KnownPlan } from './known-plan.schema';

export type KnownPlanView = Required<Omit<KnownPlan, 'windowClosedAt' | 'deletedAt' | 'settledAt'>> & Pick<KnownPlan, 'windowClosedAt' | 'deletedAt' | 'settledAt'>;

/**
 * The copies of published plans. Planning's events may arrive in any order and twice, and the
 * settlement writes the same documents, so each write decides on the copy as it is at its turn.
 */
@Injectable()
export class KnownPlansService {
  private readonly logger = new Logger('KnownPlans');

  constructor(@InjectRepository(KnownPlan) private readonly plans: Repository<KnownPlan>) {}

  /** Publication and later changes carry the whole plan; the newest version wins whatever the order. */
  async remember(snapshot: PlanSnapshot): Promise<void> {
    const { id, startsAt, endsAt, ...fields } = snapshot;
    const { written } = await this.plans.upsert(id, (copy) =>
      copy?.version !== undefined && copy.version >= snapshot.version ? undefined : { set: { ...fields, startsAt: new Date(startsAt), endsAt: new Date(endsAt) } },
    );
    if (written) this.logger.log({ msg: 'plan copy kept', planId: id, version: snapshot.version });
  }

  async windowClosed(event: PlanWindowClosedEvent): Promise<void> {
    await this.plans.upsert(event.planId, (copy) => (copy?.windowClosedAt ? undefined : { set: { windowClosedAt: new Date(event.endsAt) } }));
  }

  async deleted(event: PlanDeletedEvent, at: Date): Promise<void> {
    await this.plans.upsert(event.planId, (copy) => (copy?.deletedAt ? undefined : { set: { deletedAt: at } }));
  }

  /** The plan as last announced, or null when it was never published or has been deleted. */
  async find(planId: string): Promise<KnownPlanView | null> {
    const plan = await this.plans.get(planId);
    if (!plan || plan.deletedAt || plan.version === undefined) return null;
    return plan as KnownPlanView;
  }

  /** Plans whose window has closed and whose results are not yet announced. */
  async awaitingSettlement(): Promise<string[]> {
    const waiting = await this.plans.find({ windowClosedAt: { $exists: true }, settledAt: { $exists: false }, deletedAt: { $exists: false } }, { select: ['_id'] });
    return waiting.map((plan) => plan.id);
  }

  /** The plan's copy as kept, whatever its state, for the settlement's checks. */
  copy(planId: string) {
    return this.plans.get(planId);
  }

  /** Announces the plan's results with its settlement, once; true when this call did. */
  async settle(planId: string, results: (plan: KnownPlan) => PlanResultsSettledEvent | undefined, now: Date): Promise<boolean> {
    const { written } = await this.plans.update(planId, (plan) => {
      const announced = plan.settledAt || plan.deletedAt ? undefined : results(plan);
      return announced && { set: { settledAt: now }, events: [{ type: ApplicationEvents.planResultsSettled, payload: announced }] };
    });
    return written;
  }
}
