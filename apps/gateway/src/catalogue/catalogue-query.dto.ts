import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { MAJOR_LEVELS, type MajorLevel, type SearchCertificatesRequest, type SearchMajorsRequest } from '@pilot/contracts';
import { PageQueryDto } from '../http/page-query.dto';
import { Optional } from '../http/optional';

export class CertificatesQueryDto extends PageQueryDto implements SearchCertificatesRequest {
  @ApiPropertyOptional({ description: '证书名称或颁证机构关键字', example: 'Python' })
  @Optional()
  @IsString({ message: '关键字必须是文字' })
  @MaxLength(50, { message: '关键字不能超过50个字' })
  q?: string;
}

export class MajorsQueryDto extends PageQueryDto implements SearchMajorsRequest {
  @ApiPropertyOptional({ description: '专业名称或专业代码关键字', example: '计算机' })
  @Optional()
  @IsString({ message: '关键字必须是文字' })
  @MaxLength(50, { message: '关键字不能超过50个字' })
  q?: string;

  @ApiPropertyOptional({ enum: MAJOR_LEVELS, description: '专业层次' })
  @Optional()
  @IsIn(MAJOR_LEVELS, { message: `专业层次只能是${MAJOR_LEVELS.join('、')}` })
  level?: MajorLevel;
}
