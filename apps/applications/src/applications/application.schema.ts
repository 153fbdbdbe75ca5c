import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { APPLICATION_STATUSES, HISTORY_ACTIONS, ROLES, type ApplicationStatus, type HistoryAction, type Role } from '@pilot/contracts';

@Schema({ _id: false })
export class AppliedMajor {
  @Prop({ required: true })
  code!: string;

  @Prop({ required: true })
  name!: string;
}

@Schema({ _id: false })
export class EvidenceFile {
  @Prop({ required: true })
  fileId!: string;

  @Prop({ required: true })
  name!: string;

  @Prop({ required: true })
  size!: number;

  @Prop({ required: true })
  contentType!: string;
}

@Schema({ _id: false })
export class HistoryStep {
  @Prop({ required: true })
  at!: Date;

  @Prop({ required: true, type: String, enum: HISTORY_ACTIONS })
  action!: HistoryAction;

  @Prop({ required: true, type: String, enum: ROLES })
  actorRole!: Role;

  @Prop({ required: true })
  actorId!: string;

  @Prop({ required: true })
  actorName!: string;

  @Prop({ type: String })
  level?: 'city' | 'province';

  @Prop()
  comment?: string;

  @Prop()
  approvedTrainees?: number;
}

/**
 * 证书试点申请: one per college, plan and certificate. The names of the plan, college, city,
 * certificate and majors are copied when written, as the college applied for them.
 */
@Schema({ collection: 'applications', timestamps: true })
export class Application {
  /** `<college>:<plan>:<certificate>`, unique: one application per college, plan and certificate. */
  @Prop({ required: true, unique: true })
  applicationKey!: string;

  @Prop({ required: true })
  planId!: string;

  @Prop({ required: true })
  planName!: string;

  @Prop({ required: true })
  year!: number;

  @Prop({ required: true })
  byMajor!: boolean;

  @Prop({ required: true })
  cityApprovalRequired!: boolean;

  @Prop({ required: true })
  collegeId!: string;

  @Prop({ required: true })
  collegeName!: string;

  @Prop({ required: true })
  provinceCode!: string;

  @Prop({ required: true })
  cityCode!: string;

  @Prop({ default: '' })
  cityName!: string;

  @Prop({ required: true })
  certificateId!: string;

  @Prop({ required: true })
  certificateName!: string;

  @Prop({ default: '' })
  organisation!: string;

  @Prop({ type: [AppliedMajor], default: [] })
  majors!: AppliedMajor[];

  @Prop({ required: true })
  plannedTrainees!: number;

  @Prop()
  approvedTrainees?: number;

  /** Sanitised when written. */
  @Prop({ required: true })
  teachersHtml!: string;

  @Prop({ required: true })
  venueHtml!: string;

  @Prop({ type: [EvidenceFile], default: [] })
  files!: EvidenceFile[];

  @Prop({ required: true, type: String, enum: APPLICATION_STATUSES })
  status!: ApplicationStatus;

  @Prop()
  submittedAt?: Date;

  @Prop()
  decidedAt?: Date;

  @Prop()
  rejectionReason?: string;

  @Prop({ type: [HistoryStep], default: [] })
  history!: HistoryStep[];

  /** Every change names the version it read; of two changes of one version only one is written. */
  @Prop({ required: true, default: 1 })
  version!: number;

  createdAt!: Date;
  updatedAt!: Date;
}

export const ApplicationSchema = SchemaFactory.createForClass(Application);
ApplicationSchema.index({ collegeId: 1, updatedAt: -1 });
ApplicationSchema.index({ provinceCode: 1, planId: 1, status: 1 });
ApplicationSchema.index({ planId: 1, certificateId: 1, status: 1 });

export const applicationKeyOf = (collegeId: string, planId: string, certificateId: string) => `${collegeId}:${planId}:${certificateId}`;
