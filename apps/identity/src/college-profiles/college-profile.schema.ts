import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { CollegeType } from '@pilot/contracts';

/** A college's basic information (院校基础信息), one record per college. */
@Schema({ collection: 'college_profiles' })
export class CollegeProfile {
  /** The college's directory id. */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true, type: String, enum: ['本科', '高职', '中职'] })
  collegeType!: CollegeType;

  @Prop({ required: true })
  address!: string;

  @Prop({ required: true })
  postalCode!: string;

  @Prop({ required: true })
  principalName!: string;

  @Prop({ required: true })
  leaderName!: string;

  @Prop({ required: true })
  contactName!: string;

  @Prop({ required: true })
  contactPhone!: string;

  @Prop({ required: true })
  email!: string;

  @Prop({ required: true })
  fullTimeTeachers!: number;

  @Prop({ required: true })
  students!: number;

  @Prop({ default: '' })
  description!: string;

  @Prop({ required: true })
  updatedAt!: Date;

  @Prop({ required: true })
  updatedBy!: string;
}

export const CollegeProfileSchema = SchemaFactory.createForClass(CollegeProfile);
