import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Length } from 'class-validator';

/** A solved captcha, asked for before anything that could be abused by a script. */
export class CaptchaAnswerDto {
  @ApiProperty()
  @IsUUID('4', { message: '请先获取图形验证码' })
  captchaId!: string;

  @ApiProperty()
  @IsString({ message: '请输入图形验证码' })
  @Length(1, 10, { message: '请输入图形验证码' })
  captchaAnswer!: string;
}
