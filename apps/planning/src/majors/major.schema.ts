import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { MAJOR_LEVELS, type MajorLevel } from '@pilot/contracts';
import type { HydratedDocument } from 'mongoose';

/**
 * A major of the catalogue (专业目录), keyed by its code. The 2021 vocational catalogue and the
 * undergraduate one give each level its own code ranges, so a code is unique across levels.
 */
@Schema({ collection: 'majors', timestamps: true })
export class Major {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  code!: string;

  /** Not unique: the same name is a major at several levels (电子商务 is one at all four). */
  @Prop({ required: true })
  name!: string;

  @Prop({ required: true, type: String, enum: MAJOR_LEVELS })
  level!: MajorLevel;

  @Prop({ default: false })
  demo!: boolean;

  createdAt!: Date;
  updatedAt!: Date;
}

export type MajorDocument = HydratedDocument<Major>;
export const MajorSchema = SchemaFactory.createForClass(Major);
