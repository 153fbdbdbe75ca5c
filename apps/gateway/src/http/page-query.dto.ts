import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { MAX_PAGE, MAX_PAGE_SIZE } from '@pilot/contracts';
import { WholeNumber } from './whole-number';
import { Optional } from './optional';

/** `page` and `pageSize`, the same on every list. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @Optional()
  @WholeNumber()
  @IsInt({ message: '页码必须是整数' })
  @Min(1, { message: '页码从1开始' })
  @Max(MAX_PAGE, { message: `页码不能超过${MAX_PAGE}` })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 10 })
  @Optional()
  @WholeNumber()
  @IsInt({ message: '每页条数必须是整数' })
  @Min(1, { message: '每页至少1条' })
  @Max(MAX_PAGE_SIZE, { message: `每页最多${MAX_PAGE_SIZE}条` })
  pageSize?: number;
}
