import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, Matches, ValidateIf } from 'class-validator';
import { MAINLAND_MOBILE, PASSWORD_RULE, type ChangePasswordRequest, type PasswordResetRequest } from '@pilot/contracts';
import { SMS_CODE_FORMAT } from './register.dto';

/** Strength is the identity service's rule (PASSWORD_TOO_WEAK); here only the shape. */
const passwordShape = { message: '请输入新密码' };

export class PasswordResetDto implements PasswordResetRequest {
  @ApiPropertyOptional({ description: '按手机号找回' })
  @ValidateIf((dto: PasswordResetDto) => dto.username === undefined)
  @Matches(MAINLAND_MOBILE, { message: '请输入正确的11位手机号码' })
  phone?: string;

  @ApiPropertyOptional({ description: '按账号找回' })
  @ValidateIf((dto: PasswordResetDto) => dto.username !== undefined)
  @IsString({ message: '请输入账号' })
  @Length(1, 64, { message: '请输入账号' })
  username?: string;

  @ApiProperty()
  @Matches(SMS_CODE_FORMAT, { message: '短信验证码为6位数字' })
  smsCode!: string;

  @ApiProperty({ description: PASSWORD_RULE })
  @IsString(passwordShape)
  @Length(1, 64, passwordShape)
  newPassword!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString({ message: '请输入原密码' })
  @Length(1, 64, { message: '请输入原密码' })
  oldPassword!: string;

  @ApiProperty({ description: PASSWORD_RULE })
  @IsString(passwordShape)
  @Length(1, 64, passwordShape)
  newPassword!: string;
}
