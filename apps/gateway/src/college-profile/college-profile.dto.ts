import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsInt, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { COLLEGE_TYPES, type CollegeProfileFields, type CollegeType } from '@pilot/contracts';
import { WholeNumber } from '../http/whole-number';
import { Optional } from '../http/optional';

const text = (label: string, max: number) => ({ message: `请填写${label}（不超过${max}个字）` });

export class CollegeProfileDto implements CollegeProfileFields {
  @ApiProperty({ enum: COLLEGE_TYPES })
  @IsIn(COLLEGE_TYPES, { message: '请选择院校类型' })
  collegeType!: CollegeType;

  @ApiProperty()
  @IsString(text('通讯地址', 200))
  @Length(1, 200, text('通讯地址', 200))
  address!: string;

  @ApiProperty({ example: '250000' })
  @Matches(/^\d{6}$/, { message: '邮政编码应为6位数字' })
  postalCode!: string;

  @ApiProperty()
  @IsString(text('校长姓名', 50))
  @Length(1, 50, text('校长姓名', 50))
  principalName!: string;

  @ApiProperty()
  @IsString(text('分管校领导', 50))
  @Length(1, 50, text('分管校领导', 50))
  leaderName!: string;

  @ApiProperty()
  @IsString(text('联系人', 50))
  @Length(1, 50, text('联系人', 50))
  contactName!: string;

  @ApiProperty({ example: '0531-88888888', description: '手机号或带区号的固定电话' })
  @Matches(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, { message: '请输入正确的手机号或固定电话（如0531-88888888）' })
  contactPhone!: string;

  @ApiProperty()
  @IsEmail({}, { message: '请输入正确的电子邮箱' })
  @MaxLength(100, { message: '电子邮箱不能超过100个字符' })
  email!: string;

  @ApiProperty({ minimum: 0 })
  @WholeNumber()
  @IsInt({ message: '专任教师人数应为整数' })
  @Min(0, { message: '专任教师人数不能为负数' })
  @Max(100_000, { message: '专任教师人数不能超过100000' })
  fullTimeTeachers!: number;

  @ApiProperty({ minimum: 0 })
  @WholeNumber()
  @IsInt({ message: '在校学生人数应为整数' })
  @Min(0, { message: '在校学生人数不能为负数' })
  @Max(1_000_000, { message: '在校学生人数不能超过1000000' })
  students!: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @Optional()
  @IsString({ message: '院校简介应为文字' })
  @MaxLength(2000, { message: '院校简介不能超过2000个字' })
  description!: string;
}
