import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * A message in the platform (站内消息) to a college (every account of the college sees it) or to
 * a province's reviewers (every province reviewer of it sees it, and one reading it reads it
 * for all: the department has seen it).
 */
@Schema({ collection: 'in_app_messages' })
export class InAppMessage {
  /** The id of the event the message tells of, so that the event handled again finds it already written. */
  @Prop({ type: String, required: true })
  _id!: string;

  /** The college's directory id, or `province-reviewers:<provinceCode>` (see `recipientOf`). */
  @Prop({ required: true })
  recipient!: string;

  @Prop({ required: true })
  title!: string;

  @Prop({ required: true })
  body!: string;

  @Prop()
  applicationId?: string;

  /** The college a registration notice is about. */
  @Prop()
  collegeId?: string;

  @Prop({ required: true, default: false })
  read!: boolean;

  @Prop({ required: true })
  createdAt!: Date;
}

export const InAppMessageSchema = SchemaFactory.createForClass(InAppMessage);
InAppMessageSchema.index({ recipient: 1, createdAt: -1 });
