import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

@Schema({ _id: false })
export class KnownPlanCertificate {
  @Prop({ required: true })
  certificateId!: string;

  @Prop()
  quota?: number;
}

/**
 * This service's copy of a published plan, kept from planning's events, so that applying and
 * reviewing check the window, the flags and the quotas without asking planning at that moment.
 * Fields of the plan are absent until its publication event arrives (events may come out of order).
 */
@Schema({ collection: 'known_plans' })
export class KnownPlan {
  /** The plan's id in planning. */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop()
  provinceCode?: string;

  @Prop()
  year?: number;

  @Prop()
  name?: string;

  @Prop()
  startsAt?: Date;

  @Prop()
  endsAt?: Date;

  @Prop()
  byMajor?: boolean;

  @Prop()
  cityApprovalRequired?: boolean;

  @Prop({ type: [KnownPlanCertificate], default: undefined })
  certificates?: KnownPlanCertificate[];

  /** The plan's version the fields above come from; an older snapshot never overwrites a newer one. */
  @Prop()
  version?: number;

  @Prop()
  windowClosedAt?: Date;

  @Prop()
  deletedAt?: Date;

  /** When the colleges' results in this plan became final and were announced (see PlanSettlement). */
  @Prop()
  settledAt?: Date;

}

export const KnownPlanSchema = SchemaFactory.createForClass(KnownPlan);
