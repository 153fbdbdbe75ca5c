import { IsUUID } from 'class-validator';

export class CaptchaIdParam {
  @IsUUID('4', { message: '验证码编号格式不正确' })
  captchaId!: string;
}
