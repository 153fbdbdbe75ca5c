import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { RefreshRequest } from '@pilot/contracts';

export class RefreshDto implements RefreshRequest {
  @ApiProperty()
  @IsString({ message: '缺少刷新令牌' })
  @Length(1, 200, { message: '缺少刷新令牌' })
  refreshToken!: string;
}
