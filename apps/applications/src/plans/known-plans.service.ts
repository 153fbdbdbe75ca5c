import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { PlanDeletedEvent, PlanSnapshot, PlanWindowClosedEvent } from '@pilot/contracts';
import { upsertOne } from '@pilot/runtime';
import type { Model } from 'mongoose';
import { KnownPlan } from './known-plan.schema';

export type KnownPlanView = Required<Omit<KnownPlan, 'windowClosedAt' | 'deletedAt' | 'settledAt' | 'outbox'>> & Pick<KnownPlan, 'windowClosedAt' | 'deletedAt' | 'settledAt'>;

@Injectable()
export class KnownPlansService {
  private readonly logger = new Logger('KnownPlans');

  constructor(@InjectModel(KnownPlan.name) private readonly plans: Model<KnownPlan>) {}

  /** Publication and later changes carry the whole plan; the newest version wins whatever the order. */
  async remember(snapshot: PlanSnapshot): Promise<void> {
    const { id, startsAt, endsAt, ...fields } = snapshot;
    const olderOrNone = { $or: [{ version: { $exists: false } }, { version: { $lt: snapshot.version } }] };
    await upsertOne(this.plans, { _id: id, ...olderOrNone }, { $set: { ...fields, startsAt: new Date(startsAt), endsAt: new Date(endsAt) } });
    this.logger.log({ msg: 'plan copy kept', planId: id, version: snapshot.version });
  }

  async windowClosed(event: PlanWindowClosedEvent): Promise<void> {
    await upsertOne(this.plans, { _id: event.planId }, { $set: { windowClosedAt: new Date(event.endsAt) } });
  }

  async deleted(event: PlanDeletedEvent, at: Date): Promise<void> {
    await upsertOne(this.plans, { _id: event.planId }, { $set: { deletedAt: at } });
  }

  /** The plan as last announced, or null when it was never published or has been deleted. */
  async find(planId: string): Promise<KnownPlanView | null> {
    const plan = await this.plans.findById(planId).lean();
    if (!plan || plan.deletedAt || plan.version === undefined) return null;
    return plan as KnownPlanView;
  }
}
