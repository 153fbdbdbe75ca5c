import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsString, Matches, MaxLength, Validate, ValidatorConstraint, type ValidationArguments, type ValidatorConstraintInterface } from 'class-validator';
import { Optional } from '../http/optional';
import {
  AUDIT_ACTION_KEYS,
  AUDIT_OUTCOME_KEYS,
  AUDIT_TARGET_TYPE_KEYS,
  type AuditAction,
  type AuditLogQuery,
  type AuditOutcome,
  type AuditTargetType,
} from '@pilot/contracts';
import { ISO_WITH_OFFSET } from '../http/iso-moment';
import { PageQueryDto } from '../http/page-query.dto';

const MOMENT_EXAMPLE = '2026-04-01T00:00:00+08:00';
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@ValidatorConstraint({ name: 'notBeforeFrom' })
class NotBeforeFrom implements ValidatorConstraintInterface {
  validate(to: string, { object }: ValidationArguments): boolean {
    const from = (object as AuditLogQueryDto).from;
    return !from || new Date(to).getTime() >= new Date(from).getTime();
  }

  defaultMessage(): string {
    return '结束时间不能早于开始时间';
  }
}

/** The filters of the audit log, the same for a page and for the export. */
export class AuditLogFiltersDto implements Omit<AuditLogQuery, 'page' | 'pageSize'> {
  @ApiPropertyOptional({ example: MOMENT_EXAMPLE, description: '从此时起（含），须带时区' })
  @Optional()
  @Matches(ISO_WITH_OFFSET, { message: `开始时间格式不正确（需带时区，如 ${MOMENT_EXAMPLE}）` })
  @IsISO8601({ strict: true }, { message: '开始时间不是有效的日期' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-04-30T23:59:59+08:00', description: '到此时为止（含），须带时区' })
  @Optional()
  @Matches(ISO_WITH_OFFSET, { message: `结束时间格式不正确（需带时区，如 ${MOMENT_EXAMPLE}）` })
  @IsISO8601({ strict: true }, { message: '结束时间不是有效的日期' })
  @Validate(NotBeforeFrom)
  to?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTION_KEYS, description: '操作，如 plan.published（发布申报计划）' })
  @Optional()
  @IsIn(AUDIT_ACTION_KEYS, { message: '操作类型不正确' })
  action?: AuditAction;

  @ApiPropertyOptional({ description: '操作人账号中的关键字' })
  @Optional()
  @Transform(trimmed)
  @IsString({ message: '操作人应为文字' })
  @MaxLength(50, { message: '操作人关键字不能超过50个字' })
  actor?: string;

  @ApiPropertyOptional({ enum: AUDIT_TARGET_TYPE_KEYS, description: '操作对象类型' })
  @Optional()
  @IsIn(AUDIT_TARGET_TYPE_KEYS, { message: '操作对象类型不正确' })
  targetType?: AuditTargetType;

  @ApiPropertyOptional({ description: '操作对象名称或编号中的关键字' })
  @Optional()
  @Transform(trimmed)
  @IsString({ message: '操作对象应为文字' })
  @MaxLength(100, { message: '操作对象关键字不能超过100个字' })
  target?: string;

  @ApiPropertyOptional({ enum: AUDIT_OUTCOME_KEYS, description: 'success 成功 · failure 失败' })
  @Optional()
  @IsIn(AUDIT_OUTCOME_KEYS, { message: '操作结果不正确' })
  outcome?: AuditOutcome;
}

export class AuditLogQueryDto extends IntersectionType(PageQueryDto, AuditLogFiltersDto) implements AuditLogQuery {}
