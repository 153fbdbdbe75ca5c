import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsMongoId, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  APPLICATION_STATUSES,
  APPLICATION_TABS,
  MAX_EVIDENCE_FILES,
  MAX_MAJORS_PER_APPLICATION,
  MAX_PLANNED_TRAINEES,
  MAX_REVIEW_COMMENT_LENGTH,
  MAX_RICH_TEXT_LENGTH,
  REVIEW_DECISIONS,
  type ApplicationChange,
  type ApplicationFields,
  type ApplicationStatus,
  type ApplicationTab,
  type ListApplicationsRequest,
  type ReviewDecision,
  type ReviewRequest,
} from '@pilot/contracts';
import { PageQueryDto } from '../http/page-query.dto';
import { Optional } from '../http/optional';

/** The editor's HTML before sanitising may be longer than what is kept. */
const MAX_RAW_HTML = MAX_RICH_TEXT_LENGTH * 2;
const MAJOR_CODE = /^[0-9A-Za-z]{4,12}$/;
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

class ApplicationContentDto {
  @ApiProperty({ type: [String], example: ['510203'], description: '拟申请的专业代码' })
  @IsArray({ message: '专业列表格式不正确' })
  @ArrayMaxSize(MAX_MAJORS_PER_APPLICATION, { message: `每项申报最多选择${MAX_MAJORS_PER_APPLICATION}个专业` })
  @Matches(MAJOR_CODE, { each: true, message: '专业代码格式不正确' })
  majorCodes!: string[];

  @ApiProperty({ minimum: 1, maximum: MAX_PLANNED_TRAINEES, description: '拟申报培训人数' })
  @IsInt({ message: '拟申报培训人数必须是整数' })
  @Min(1, { message: '拟申报培训人数至少为1' })
  @Max(MAX_PLANNED_TRAINEES, { message: `拟申报培训人数不能超过${MAX_PLANNED_TRAINEES}` })
  plannedTrainees!: number;

  @ApiProperty({ description: '师资情况描述（富文本，服务端清理）' })
  @IsString({ message: '请填写师资情况描述' })
  @MaxLength(MAX_RAW_HTML, { message: '师资情况描述内容过长' })
  teachersHtml!: string;

  @ApiProperty({ description: '场地情况描述（富文本，服务端清理）' })
  @IsString({ message: '请填写场地情况描述' })
  @MaxLength(MAX_RAW_HTML, { message: '场地情况描述内容过长' })
  venueHtml!: string;

  @ApiProperty({ type: [String], description: '先通过 POST /files 上传的佐证材料' })
  @IsArray({ message: '佐证材料列表格式不正确' })
  @ArrayMaxSize(MAX_EVIDENCE_FILES, { message: `佐证材料最多${MAX_EVIDENCE_FILES}个` })
  @IsMongoId({ each: true, message: '佐证材料编号不正确' })
  fileIds!: string[];
}

export class CreateApplicationDto extends ApplicationContentDto implements ApplicationFields {
  @ApiProperty({ description: '申报批次（申报计划）' })
  @IsMongoId({ message: '请选择申报批次' })
  planId!: string;

  @ApiProperty({ example: 'X-0001', description: '试点证书' })
  @Matches(/^[A-Za-z0-9-]{1,32}$/, { message: '请选择试点证书' })
  certificateId!: string;
}

export class UpdateApplicationDto implements ApplicationChange {
  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray({ message: '专业列表格式不正确' })
  @ArrayMaxSize(MAX_MAJORS_PER_APPLICATION, { message: `每项申报最多选择${MAX_MAJORS_PER_APPLICATION}个专业` })
  @Matches(MAJOR_CODE, { each: true, message: '专业代码格式不正确' })
  majorCodes?: string[];

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PLANNED_TRAINEES })
  @Optional()
  @IsInt({ message: '拟申报培训人数必须是整数' })
  @Min(1, { message: '拟申报培训人数至少为1' })
  @Max(MAX_PLANNED_TRAINEES, { message: `拟申报培训人数不能超过${MAX_PLANNED_TRAINEES}` })
  plannedTrainees?: number;

  @ApiPropertyOptional()
  @Optional()
  @IsString({ message: '请填写师资情况描述' })
  @MaxLength(MAX_RAW_HTML, { message: '师资情况描述内容过长' })
  teachersHtml?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString({ message: '请填写场地情况描述' })
  @MaxLength(MAX_RAW_HTML, { message: '场地情况描述内容过长' })
  venueHtml?: string;

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray({ message: '佐证材料列表格式不正确' })
  @ArrayMaxSize(MAX_EVIDENCE_FILES, { message: `佐证材料最多${MAX_EVIDENCE_FILES}个` })
  @IsMongoId({ each: true, message: '佐证材料编号不正确' })
  fileIds?: string[];

  @ApiPropertyOptional({ description: '读取时的版本；已被修改时返回 APPLICATION_CHANGED' })
  @Optional()
  @IsInt({ message: '版本号必须是整数' })
  @Min(1, { message: '版本号不正确' })
  version?: number;
}

export class ReviewDto implements ReviewRequest {
  @ApiProperty({ enum: REVIEW_DECISIONS })
  @IsIn(REVIEW_DECISIONS, { message: '请选择审核结果' })
  decision!: ReviewDecision;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_PLANNED_TRAINEES, description: '已批准培训人数（省级审核通过时必填）' })
  @Optional()
  @IsInt({ message: '已批准培训人数必须是整数' })
  @Min(0, { message: '已批准培训人数不能为负数' })
  @Max(MAX_PLANNED_TRAINEES, { message: `已批准培训人数不能超过${MAX_PLANNED_TRAINEES}` })
  approvedTrainees?: number;

  @ApiPropertyOptional({ description: '审核意见；不通过时必填，院校可见' })
  @Optional()
  @Transform(trimmed)
  @IsString({ message: '审核意见应为文字' })
  @MaxLength(MAX_REVIEW_COMMENT_LENGTH, { message: `审核意见不能超过${MAX_REVIEW_COMMENT_LENGTH}个字` })
  comment?: string;
}

const LIST_STATUSES = [...Object.keys(APPLICATION_TABS), ...APPLICATION_STATUSES] as (ApplicationTab | ApplicationStatus)[];

export class ListApplicationsQuery extends PageQueryDto implements ListApplicationsRequest {
  @ApiPropertyOptional({ enum: LIST_STATUSES, description: '标签页（all/draft/pending/approved/rejected）或单个状态' })
  @Optional()
  @IsIn(LIST_STATUSES, { message: '状态不正确' })
  status?: ApplicationTab | ApplicationStatus;

  @ApiPropertyOptional()
  @Optional()
  @IsMongoId({ message: '申报批次不正确' })
  planId?: string;

  @ApiPropertyOptional()
  @Optional()
  @Matches(/^[A-Za-z0-9-]{1,32}$/, { message: '证书代码格式不正确' })
  certificateId?: string;

  @ApiPropertyOptional({ example: '370100' })
  @Optional()
  @Matches(/^\d{6}$/, { message: '地市代码应为6位数字' })
  cityCode?: string;

  @ApiPropertyOptional({ description: '院校名称关键字' })
  @Optional()
  @IsString({ message: '院校名称应为文字' })
  @MaxLength(50, { message: '院校名称关键字不能超过50个字' })
  collegeName?: string;
}

export class CertificateTotalsQuery {
  @ApiProperty()
  @Type(() => String)
  @IsMongoId({ message: '请选择申报批次' })
  planId!: string;
}
