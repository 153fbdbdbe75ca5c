import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RpcPatterns, type Actor, type MajorPage } from '@pilot/contracts';
import { RpcClient } from '@pilot/messaging';
import { CurrentActor } from '../access/access.decorators';
import { MajorsQueryDto } from './catalogue-query.dto';

/** Open to everyone signed in: colleges name the majors they train for. */
@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('majors')
export class MajorsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: '专业目录：按专业名称或代码检索，可按专业层次筛选，按专业代码排序' })
  search(@CurrentActor() actor: Actor, @Query() query: MajorsQueryDto): Promise<MajorPage> {
    return this.rpc.request(RpcPatterns.planning.searchMajors, { ...query, actor });
  }
}
