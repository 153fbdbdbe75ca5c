import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../http/page-query.dto';
import { Optional } from '../http/optional';

export class CollegesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '院校名称关键字' })
  @Optional()
  @IsString({ message: '关键字必须是文字' })
  @MaxLength(50, { message: '关键字不能超过50个字' })
  q?: string;
}
