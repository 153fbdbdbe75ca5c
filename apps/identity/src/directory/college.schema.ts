import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { CollegeType } from '@pilot/contracts';

/** An entry of the official college directory: the colleges that may register. */
@Schema({ collection: 'colleges', timestamps: true })
export class College {
  @Prop({ required: true })
  name!: string;

  /** The ten-digit national college identification code (学校标识码). */
  @Prop({ required: true, unique: true })
  identificationCode!: string;

  @Prop({ required: true })
  provinceCode!: string;

  @Prop({ required: true })
  cityCode!: string;

  @Prop({ required: true, type: String, enum: ['本科', '高职', '中职'] })
  type!: CollegeType;

  @Prop({ default: false })
  demo!: boolean;
}

export const CollegeSchema = SchemaFactory.createForClass(College);
CollegeSchema.index({ provinceCode: 1, name: 1 }, { unique: true });
