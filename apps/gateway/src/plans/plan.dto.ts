import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import type { ListPlansRequest, PlanCertificate, PlanFields } from '@pilot/contracts';
import { ISO_WITH_OFFSET } from '../http/iso-moment';
import { PageQueryDto } from '../http/page-query.dto';
import { WholeNumber } from '../http/whole-number';
import { Optional } from '../http/optional';

const CERTIFICATE_ID = /^[A-Za-z0-9-]{1,32}$/;
const MAX_QUOTA = 1_000_000;
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class PlanCertificateDto implements PlanCertificate {
  @ApiProperty({ example: 'X-0001' })
  @Matches(CERTIFICATE_ID, { message: '证书代码格式不正确' })
  certificateId!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_QUOTA, description: '本批次该证书最多批准的培训人数' })
  @Optional()
  @IsInt({ message: '指标人数必须是整数' })
  @Min(1, { message: '指标人数至少为1' })
  @Max(MAX_QUOTA, { message: `指标人数不能超过${MAX_QUOTA}` })
  quota?: number;
}

export class CreatePlanDto implements PlanFields {
  @ApiProperty({ example: 2026 })
  @IsInt({ message: '请选择年度' })
  @Min(2019, { message: '年度不能早于2019年' })
  @Max(2100, { message: '年度不正确' })
  year!: number;

  @ApiProperty({ example: '2026年第一次', description: '申报批次' })
  @Transform(trimmed)
  @IsString({ message: '请填写申报批次' })
  @Length(1, 50, { message: '请填写申报批次（不超过50个字）' })
  name!: string;

  @ApiProperty({ example: '2026-04-01T00:00:00+08:00' })
  @Matches(ISO_WITH_OFFSET, { message: '申报开始时间格式不正确（需带时区，如 2026-04-01T00:00:00+08:00）' })
  startsAt!: string;

  @ApiProperty({ example: '2026-04-04T23:59:59+08:00', description: '含该时刻' })
  @Matches(ISO_WITH_OFFSET, { message: '申报截止时间格式不正确（需带时区，如 2026-04-04T23:59:59+08:00）' })
  endsAt!: string;

  @ApiProperty({ description: '是否要求按专业填报' })
  @IsBoolean({ message: '请选择是否要求按专业填报' })
  byMajor!: boolean;

  @ApiProperty({ description: '是否需要地市级教育局审批' })
  @IsBoolean({ message: '请选择是否需要地市级教育局审批' })
  cityApprovalRequired!: boolean;

  @ApiPropertyOptional({ type: [PlanCertificateDto], description: '允许申报的证书及指标；不填则不限' })
  @Optional()
  @IsArray({ message: '证书列表格式不正确' })
  @ArrayMaxSize(500, { message: '每个批次最多500个证书' })
  @ValidateNested({ each: true })
  @Type(() => PlanCertificateDto)
  certificates?: PlanCertificateDto[];
}

// skipNullProperties: false makes the fields optional the way Optional() does: absent, not null.
export class UpdatePlanDto extends PartialType(CreatePlanDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({ description: '读取时的版本；已被他人修改时返回 PLAN_CHANGED' })
  @Optional()
  @IsInt({ message: '版本号必须是整数' })
  @Min(1, { message: '版本号不正确' })
  version?: number;
}

export class ListPlansQuery extends PageQueryDto implements ListPlansRequest {
  @ApiPropertyOptional({ example: 2026 })
  @Optional()
  @WholeNumber()
  @IsInt({ message: '年度必须是整数' })
  @Min(2019, { message: '年度不能早于2019年' })
  @Max(2100, { message: '年度不正确' })
  year?: number;

  @ApiPropertyOptional({ example: '370000', description: '仅管理员可选；其他用户只看本省' })
  @Optional()
  @Matches(/^\d{6}$/, { message: '省份代码应为6位数字' })
  provinceCode?: string;
}
