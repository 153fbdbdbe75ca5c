import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Length, Matches } from 'class-validator';
import { SMS_CODE_PURPOSES, type RequestSmsCodeRequest, type SmsCodePurpose } from '@pilot/contracts';

export const MAINLAND_MOBILE = /^1\d{10}$/;

export class RequestSmsCodeDto implements RequestSmsCodeRequest {
  @ApiProperty({ example: '13800138000', description: '中国大陆11位手机号' })
  @Matches(MAINLAND_MOBILE, { message: '请输入正确的11位手机号码' })
  phone!: string;

  @ApiProperty({ enum: SMS_CODE_PURPOSES })
  @IsIn(SMS_CODE_PURPOSES, { message: '验证码用途不正确' })
  purpose!: SmsCodePurpose;

  @ApiProperty()
  @IsUUID('4', { message: '请先获取图形验证码' })
  captchaId!: string;

  @ApiProperty()
  @IsString({ message: '请输入图形验证码' })
  @Length(1, 10, { message: '请输入图形验证码' })
  captchaAnswer!: string;
}
