import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A picture challenge: answered once, case-insensitively, within its lifetime. */
@Schema({ collection: 'captchas' })
export class Captcha {
  @Prop({ type: String, required: true })
  _id!: string;

  /** Lower-cased, so that the comparison ignores case. */
  @Prop({ required: true })
  answer!: string;

  @Prop({ required: true, index: true })
  expiresAt!: Date;

  @Prop({ default: false })
  used!: boolean;
}

export const CaptchaSchema = SchemaFactory.createForClass(Captcha);
