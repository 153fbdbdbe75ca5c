import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The codes sent to one phone, whatever their purpose: what the per-phone allowance counts.
 * A password reset asked for by an account name nobody has is counted under `name:<name>`, so
 * that asking twice reads the same as for a real account.
 */
@Schema({ collection: 'sms_recipient_sends' })
export class RecipientSends {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop()
  lastSentAt?: Date;

  @Prop()
  lastUsedAt?: Date;

  @Prop()
  day?: string;

  @Prop()
  sentToday?: number;
}

export const RecipientSendsSchema = SchemaFactory.createForClass(RecipientSends);
