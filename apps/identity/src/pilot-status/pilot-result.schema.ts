import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A college's final result in one settled plan (batch), as the applications service announced it. */
@Schema({ collection: 'pilot_results' })
export class PilotResult {
  /** `<college>:<plan>`: a plan settles once, so a repeated announcement rewrites the same record. */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true, index: true })
  collegeId!: string;

  @Prop({ required: true })
  year!: number;

  @Prop({ required: true })
  planId!: string;

  @Prop({ required: true })
  approvedCertificates!: number;

  @Prop({ required: true })
  settledAt!: Date;
}

export const PilotResultSchema = SchemaFactory.createForClass(PilotResult);
