import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The live verification code of one phone for one purpose. Only a salted hash of the code is
 * kept; how often codes may be sent is counted apart (SmsAllowances), over every purpose.
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

  /** Moves on with every new code and every judged try, so that a try judges only the code it read. */
  @Prop({ required: true, default: 0 })
  version!: number;
}

export const SmsCodeSchema = SchemaFactory.createForClass(SmsCode);
