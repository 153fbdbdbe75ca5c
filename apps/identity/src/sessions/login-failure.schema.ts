import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * A failed sign-in, kept by the name that was typed, whether or not an account has it (a
 * locked name then looks the same as a locked account), and by the client address it came
 * from (so that one address's failures lock that address out, not everyone).
 */
@Schema({ collection: 'login_failures' })
export class LoginFailure {
  @Prop({ required: true })
  username!: string;

  /** Failures recorded before addresses were kept count as one unknown address. */
  @Prop({ required: true, default: 'unknown' })
  address!: string;

  @Prop({ required: true })
  at!: Date;
}

export const LoginFailureSchema = SchemaFactory.createForClass(LoginFailure);
LoginFailureSchema.index({ username: 1, at: -1 });
LoginFailureSchema.index({ address: 1, at: -1 });
