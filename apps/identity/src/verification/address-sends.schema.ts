import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** The SMS codes asked for from one client address: what the per-address allowance counts. */
@Schema({ collection: 'sms_address_sends' })
export class AddressSends {
  /** The normalised client address. */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: [Date], default: [] })
  recent!: Date[];

  @Prop()
  day?: string;

  @Prop()
  sentToday?: number;

  /** For housekeeping: the newest request. */
  @Prop()
  lastSentAt?: Date;
}

export const AddressSendsSchema = SchemaFactory.createForClass(AddressSends);
