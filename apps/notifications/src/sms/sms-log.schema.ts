import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** What was sent to whom and how it went; never the text, which may hold a code or a password. */
@Schema({ collection: 'sms_log' })
export class SmsLog {
  @Prop({ required: true, index: true })
  phone!: string;

  @Prop({ required: true })
  template!: string;

  @Prop({ required: true })
  provider!: string;

  @Prop({ required: true, enum: ['sent', 'failed'] })
  status!: 'sent' | 'failed';

  @Prop()
  error?: string;

  @Prop({ required: true })
  at!: Date;

  /** What the SMS announces (for example an event's id), given by callers that must text only once. */
  @Prop({ index: true })
  key?: string;
}

export const SmsLogSchema = SchemaFactory.createForClass(SmsLog);
