import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ROLES, type Role } from '@pilot/contracts';

/** Anyone who signs in: a college, a reviewer or an administrator. */
@Schema({ collection: 'accounts', timestamps: true })
export class Account {
  /** Lower case. A college's is its ten-digit identification code, so one college has one account. */
  @Prop({ required: true, unique: true })
  username!: string;

  @Prop({ required: true, type: String, enum: ROLES })
  role!: Role;

  /** argon2id; the password itself is never stored. */
  @Prop({ required: true })
  passwordHash!: string;

  /** The password was chosen by someone else (sent by SMS, set by an administrator). */
  @Prop({ required: true, default: false })
  mustChangePassword!: boolean;

  @Prop({ required: true })
  passwordChangedAt!: Date;

  /** Where SMS goes (the seeded administrator has none). */
  @Prop({ default: '' })
  phone!: string;

  @Prop({ required: true })
  displayName!: string;

  @Prop()
  collegeId?: string;

  @Prop()
  provinceCode?: string;

  @Prop()
  cityCode?: string;

  /**
   * Carried in every access token; moving it on refuses every token issued before, at once
   * (sign-out, a password change or reset, disabling). Accounts made before it existed read as 0.
   */
  @Prop({ default: 0 })
  sessionVersion?: number;

  /** Present while the account is disabled: it cannot sign in or refresh its tokens. */
  @Prop()
  disabledAt?: Date;

  @Prop()
  disabledBy?: string;

  @Prop()
  disabledReason?: string;

  /** Kept after the account is enabled again: refresh tokens issued before it stay ended. */
  @Prop()
  lastDisabledAt?: Date;

  createdAt!: Date;

  /**
   * A college's registration revoked by its province as wrongly claimed: the account keeps its
   * history under a changed name, which frees the identification code for a new registration.
   */
  @Prop()
  revokedAt?: Date;

  @Prop({ type: Object })
  revokedBy?: { accountId: string; displayName: string };
}

export const AccountSchema = SchemaFactory.createForClass(Account);
AccountSchema.index({ phone: 1 });
AccountSchema.index({ role: 1, provinceCode: 1, createdAt: -1 });
