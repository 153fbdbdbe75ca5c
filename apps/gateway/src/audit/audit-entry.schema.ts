import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { AUDIT_OUTCOME_KEYS, type AuditAction, type AuditOutcome, type AuditTargetType, type Role } from '@pilot/contracts';

/**
 * One line of the audit log (操作日志), written once and never changed. Flat and slim: the
 * development store decodes every document a filtered or sorted read touches.
 */
@Schema({ collection: 'audit_entries', versionKey: false })
export class AuditEntry {
  @Prop({ required: true })
  at!: Date;

  @Prop({ required: true, type: String })
  action!: AuditAction;

  @Prop({ required: true, type: String, enum: AUDIT_OUTCOME_KEYS })
  outcome!: AuditOutcome;

  @Prop()
  errorCode?: string;

  @Prop()
  actorId?: string;

  @Prop()
  actorName?: string;

  @Prop({ type: String })
  actorRole?: Role;

  @Prop()
  provinceCode?: string;

  @Prop()
  cityCode?: string;

  @Prop()
  collegeId?: string;

  @Prop({ type: String })
  targetType?: AuditTargetType;

  @Prop()
  targetId?: string;

  @Prop()
  targetLabel?: string;

  @Prop()
  targetProvinceCode?: string;

  @Prop()
  summary?: string;

  /** The provinces the entry lies in (the actor's and the target's), so a province reads its own with one indexed field. */
  @Prop({ type: [String], default: [] })
  provinces!: string[];

  /** The client's address (Express's `req.ip`: the proxies trusted are the gateway's HTTP set-up's business). */
  @Prop()
  address?: string;

  @Prop()
  correlationId?: string;
}

export const AuditEntrySchema = SchemaFactory.createForClass(AuditEntry);
// Newest first, for administrators and for one province's reviewers (MongoDB serves both pages
// from these; FerretDB v1 reads and sorts every matching entry whatever the index).
AuditEntrySchema.index({ at: -1, _id: -1 });
AuditEntrySchema.index({ provinces: 1, at: -1, _id: -1 });
