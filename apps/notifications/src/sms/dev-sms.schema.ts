import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A message "sent" by the development provider: kept so that people and tests can read it. */
@Schema({ collection: 'dev_sms_inbox' })
export class DevSms {
  @Prop({ required: true, index: true })
  phone!: string;

  @Prop({ required: true })
  text!: string;

  @Prop({ required: true })
  sentAt!: Date;
}

export const DevSmsSchema = SchemaFactory.createForClass(DevSms);
