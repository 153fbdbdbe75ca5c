import { ApiProperty } from '@nestjs/swagger';
import { IsMongoId, Matches } from 'class-validator';
import { MAINLAND_MOBILE, type RegisterRequest } from '@pilot/contracts';

export const SMS_CODE_FORMAT = /^\d{6}$/;

export class RegisterDto implements RegisterRequest {
  @ApiProperty({ example: '370000' })
  @Matches(/^\d{6}$/, { message: '请选择院校所在的省级教育行政部门' })
  provinceCode!: string;

  @ApiProperty({ description: '院校名录中的院校 id' })
  @IsMongoId({ message: '请选择院校' })
  collegeId!: string;

  @ApiProperty({ example: '4137010001', description: '10位院校识别码' })
  @Matches(/^\d{10}$/, { message: '院校识别码应为10位数字' })
  identificationCode!: string;

  @ApiProperty({ example: '13800138000' })
  @Matches(MAINLAND_MOBILE, { message: '请输入正确的11位手机号码' })
  phone!: string;

  @ApiProperty({ example: '123456' })
  @Matches(SMS_CODE_FORMAT, { message: '短信验证码为6位数字' })
  smsCode!: string;
}
