import { ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { Optional } from '../http/optional';
import type { ListDirectoryRequest } from '@pilot/contracts';
import { CollegesQueryDto } from './colleges-query.dto';

export class DirectoryQueryDto extends CollegesQueryDto implements ListDirectoryRequest {
  @ApiPropertyOptional({ example: '370000', description: '平台管理员选择省份；审核员只能查看本省' })
  @Optional()
  @Matches(/^\d{6}$/, { message: '省份代码应为6位数字' })
  provinceCode?: string;
}
