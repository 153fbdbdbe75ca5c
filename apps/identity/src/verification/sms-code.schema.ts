import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The live verification code of one phone for one purpose, and its sending history. Only a
 * salted hash of the code is kept.
 */
@Schema({ collection: 'sms_codes' })
export class SmsCode {
  /** `<purpose>:<phone>` */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  codeHash!: string;

  @Prop({ required: true })
  salt!: string;

  @Prop({ required: true })
  expiresAt!: Date;

  @Prop({ required: true })
  attemptsLeft!: number;

  @Prop({ required: true })
  lastSentAt!: Date;

  @Prop({ required: true })
  day!: string;

  @Prop({ required: true })
  sentToday!: number;

  @Prop({ required: true, default: 0 })
  version!: number;
}

export const SmsCodeSchema = SchemaFactory.createForClass(SmsCode);
