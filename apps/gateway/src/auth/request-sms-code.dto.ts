import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { MAINLAND_MOBILE, SMS_CODE_PURPOSES, type RequestSmsCodeRequest, type SmsCodePurpose } from '@pilot/contracts';
import { CaptchaAnswerDto } from './captcha-answer.dto';

export class RequestSmsCodeDto extends CaptchaAnswerDto implements RequestSmsCodeRequest {
  @ApiPropertyOptional({ example: '13800138000', description: '中国大陆11位手机号；找回密码时也可改填账号' })
  @ValidateIf((dto: RequestSmsCodeDto) => dto.username === undefined)
  @Matches(MAINLAND_MOBILE, { message: '请输入正确的11位手机号码' })
  phone?: string;

  @ApiPropertyOptional({ description: '找回密码时：账号（验证码发到账号绑定的手机）' })
  @ValidateIf((dto: RequestSmsCodeDto) => dto.username !== undefined)
  @IsString({ message: '请输入账号' })
  @Length(1, 64, { message: '请输入账号' })
  username?: string;

  @ApiProperty({ enum: SMS_CODE_PURPOSES })
  @IsIn(SMS_CODE_PURPOSES, { message: '验证码用途不正确' })
  purpose!: SmsCodePurpose;
}
