import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { Optional } from '../http/optional';
import type { ListRegistrationsRequest } from '@pilot/contracts';
import { PageQueryDto } from '../http/page-query.dto';

const STATUSES = ['active', 'revoked'] as const;

export class ListRegistrationsQuery extends PageQueryDto implements ListRegistrationsRequest {
  @ApiPropertyOptional({ example: '370000', description: '平台管理员选择省份；省级审核员只能查看本省' })
  @Optional()
  @Matches(/^\d{6}$/, { message: '省份代码应为6位数字' })
  provinceCode?: string;

  @ApiPropertyOptional({ enum: STATUSES, description: 'active 正常，revoked 已撤销' })
  @Optional()
  @IsIn(STATUSES, { message: '注册状态不正确' })
  status?: (typeof STATUSES)[number];
}
