import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * A failed sign-in, kept by the name that was typed, whether or not an account has it: a
 * locked name then looks the same as a locked account.
 */
@Schema({ collection: 'login_failures' })
export class LoginFailure {
  @Prop({ required: true })
  username!: string;

  @Prop({ required: true })
  at!: Date;
}

export const LoginFailureSchema = SchemaFactory.createForClass(LoginFailure);
LoginFailureSchema.index({ username: 1, at: -1 });
