import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RpcPatterns, type Actor, type DirectoryCollegePage } from '@pilot/contracts';
import { RpcClient } from '@pilot/messaging';
import { CurrentActor, Roles } from '../access/access.decorators';
import { DirectoryQueryDto } from './directory-query.dto';

/** The directory with identification codes, which the public directory never shows. */
@ApiTags('regions')
@ApiBearerAuth()
@Roles('admin', 'province_reviewer', 'city_reviewer')
@Controller('directory/colleges')
export class DirectoryController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: '院校名录（含学校标识码，按名称或标识码检索；审核员查看本省，平台管理员须选择省份）' })
  list(@CurrentActor() actor: Actor, @Query() query: DirectoryQueryDto): Promise<DirectoryCollegePage> {
    return this.rpc.request(RpcPatterns.identity.listDirectory, { ...query, actor });
  }
}
