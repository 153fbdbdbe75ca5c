import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { CERTIFICATE_LEVELS, type CertificateLevel } from '@pilot/contracts';
import type { HydratedDocument } from 'mongoose';

/** A 1+X vocational skill certificate of the catalogue, keyed by its code. */
@Schema({ collection: 'certificates', timestamps: true })
export class Certificate {
  /** The code: plans and applications point at it, so it never changes. */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  code!: string;

  @Prop({ required: true, unique: true })
  name!: string;

  /** 颁证机构 / 培训评价组织. */
  @Prop({ required: true })
  organisation!: string;

  @Prop({ type: [String], enum: CERTIFICATE_LEVELS, required: true })
  levels!: CertificateLevel[];

  @Prop({ default: false })
  demo!: boolean;

  createdAt!: Date;
  updatedAt!: Date;
}

export type CertificateDocument = HydratedDocument<Certificate>;
export const CertificateSchema = SchemaFactory.createForClass(Certificate);
