import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from '@pilot/contracts';
import { WholeNumber } from './whole-number';

/** `page` and `pageSize`, the same on every list. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @WholeNumber()
  @IsInt({ message: '页码必须是整数' })
  @Min(1, { message: '页码从1开始' })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 10 })
  @IsOptional()
  @WholeNumber()
  @IsInt({ message: '每页条数必须是整数' })
  @Min(1, { message: '每页至少1条' })
  @Max(MAX_PAGE_SIZE, { message: `每页最多${MAX_PAGE_SIZE}条` })
  pageSize?: number;
}
