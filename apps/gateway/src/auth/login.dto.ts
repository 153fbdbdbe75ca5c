import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { LoginRequest } from '@pilot/contracts';
import { CaptchaAnswerDto } from './captcha-answer.dto';

export class LoginDto extends CaptchaAnswerDto implements LoginRequest {
  @ApiProperty({ description: '账号（院校账号为10位院校识别码）' })
  @IsString({ message: '请输入账号' })
  @Length(1, 64, { message: '请输入账号' })
  username!: string;

  @ApiProperty()
  @IsString({ message: '请输入密码' })
  @Length(1, 64, { message: '请输入密码' })
  password!: string;
}
