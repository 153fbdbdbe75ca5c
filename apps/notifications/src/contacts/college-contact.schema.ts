import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * Who to tell about a college's applications, copied from identity's events so that results
 * can go out without asking identity at the moment they are decided.
 */
@Schema({ collection: 'college_contacts' })
export class CollegeContact {
  /** The college's directory id. */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop()
  collegeName?: string;

  /** The phone the college registered with. */
  @Prop()
  accountPhone?: string;

  /** When that registration was made, so that a revocation of an older one leaves a newer one's phone. */
  @Prop()
  accountPhoneAt?: Date;

  @Prop()
  contactName?: string;

  @Prop()
  contactPhone?: string;

  @Prop()
  email?: string;

  /** When the contact fields were last set, so that an older event arriving late changes nothing. */
  @Prop()
  contactAt?: Date;
}

export const CollegeContactSchema = SchemaFactory.createForClass(CollegeContact);
