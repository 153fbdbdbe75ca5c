import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

@Schema({ _id: false })
export class PlanCertificateEntry {
  @Prop({ required: true })
  certificateId!: string;

  @Prop()
  quota?: number;
}

/** 申报计划: one batch of a province's applications, open between `startsAt` and `endsAt` inclusive. */
@Schema({ collection: 'plans', timestamps: true })
export class Plan {
  @Prop({ required: true })
  provinceCode!: string;

  @Prop({ required: true })
  year!: number;

  @Prop({ required: true })
  name!: string;

  /**
   * Keeps batch names unique among a province's plans that are not deleted: `<province>:<name>`
   * while live, the plan's own id once deleted (a unique index cannot be partial on this store).
   */
  @Prop({ required: true, unique: true })
  nameKey!: string;

  @Prop({ required: true })
  startsAt!: Date;

  @Prop({ required: true })
  endsAt!: Date;

  @Prop({ required: true })
  byMajor!: boolean;

  @Prop({ required: true })
  cityApprovalRequired!: boolean;

  @Prop({ type: [PlanCertificateEntry], default: [] })
  certificates!: PlanCertificateEntry[];

  @Prop({ default: false })
  published!: boolean;

  @Prop()
  publishedAt?: Date;

  /** When the end of the window was announced; set once. */
  @Prop()
  windowClosedAt?: Date;

  @Prop()
  deletedAt?: Date;

  /** Every change names the version it read, and claims it first (see PlansService.change). */
  @Prop({ required: true, default: 1 })
  version!: number;

  @Prop({ required: true })
  createdBy!: string;

  @Prop()
  updatedBy?: string;

  createdAt!: Date;
  updatedAt!: Date;
}

export const PlanSchema = SchemaFactory.createForClass(Plan);
PlanSchema.index({ provinceCode: 1, startsAt: -1 });
PlanSchema.index({ published: 1, endsAt: 1 });

export const nameKeyOf = (provinceCode: string, name: string) => `${provinceCode}:${name}`;
