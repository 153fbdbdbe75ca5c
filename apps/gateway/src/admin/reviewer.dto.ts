import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import {
  MAINLAND_MOBILE,
  PASSWORD_RULE,
  REVIEWER_ROLES,
  REVIEWER_USERNAME,
  type CreateReviewerRequest,
  type ListReviewersRequest,
  type ReviewerRole,
} from '@pilot/contracts';
import { PageQueryDto } from '../http/page-query.dto';
import { Optional } from '../http/optional';

const REGION_CODE = /^\d{6}$/;

export class CreateReviewerDto implements CreateReviewerRequest {
  @ApiProperty({ example: 'sd_reviewer' })
  @Matches(REVIEWER_USERNAME, { message: '账号须以字母开头，由4-32位字母、数字或下划线组成' })
  username!: string;

  @ApiProperty({ description: PASSWORD_RULE })
  @IsString({ message: '请输入初始密码' })
  @Length(1, 64, { message: '请输入初始密码' })
  password!: string;

  @ApiProperty({ enum: REVIEWER_ROLES })
  @IsIn(REVIEWER_ROLES, { message: '请选择审核员角色' })
  role!: ReviewerRole;

  @ApiProperty({ example: '370000' })
  @Matches(REGION_CODE, { message: '请选择所属省份' })
  provinceCode!: string;

  @ApiPropertyOptional({ example: '370100', description: '地市级审核员必填' })
  @ValidateIf((dto: CreateReviewerDto) => dto.role === 'city_reviewer' || dto.cityCode !== undefined)
  @Matches(REGION_CODE, { message: '地市级审核员须选择所属地市' })
  cityCode?: string;

  @ApiProperty({ example: '13800138000' })
  @Matches(MAINLAND_MOBILE, { message: '请输入正确的11位手机号码' })
  phone!: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString({ message: '姓名应为文字' })
  @MaxLength(50, { message: '姓名不能超过50个字' })
  displayName?: string;
}

export class ListReviewersQuery extends PageQueryDto implements ListReviewersRequest {
  @ApiPropertyOptional({ example: '370000' })
  @Optional()
  @Matches(REGION_CODE, { message: '省份代码应为6位数字' })
  provinceCode?: string;
}
