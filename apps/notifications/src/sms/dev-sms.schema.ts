import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A message "sent" by the development provider: kept so that people and tests can read it. */
@Schema({ collection: 'dev_sms_inbox' })
export class DevSms {
  @Prop({ required: true, index: true })
  phone!: string;

  /** The text, or for a message carrying a secret only the sealed text (see SealedText). */
  @Prop()
  text?: string;

  @Prop()
  sealedText?: string;

  @Prop({ required: true })
  sentAt!: Date;
}

export const DevSmsSchema = SchemaFactory.createForClass(DevSms);
