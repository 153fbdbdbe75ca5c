import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One refresh token. Each refresh replaces the token with a new one of the same family; a
 * replaced token that comes back means it was stolen or replayed, and the family ends.
 */
@Schema({ collection: 'refresh_sessions' })
export class RefreshSession {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  family!: string;

  @Prop({ required: true })
  accountId!: string;

  /** sha256 of the token's secret part. */
  @Prop({ required: true })
  secretHash!: string;

  @Prop({ required: true })
  createdAt!: Date;

  @Prop({ required: true })
  expiresAt!: Date;

  @Prop()
  replacedAt?: Date;

  @Prop()
  revokedAt?: Date;
}

export const RefreshSessionSchema = SchemaFactory.createForClass(RefreshSession);
RefreshSessionSchema.index({ family: 1 });
RefreshSessionSchema.index({ accountId: 1 });
RefreshSessionSchema.index({ expiresAt: 1 });
