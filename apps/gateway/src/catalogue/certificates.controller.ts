import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RpcPatterns, type Actor, type CertificatePage } from '@pilot/contracts';
import { RpcClient } from '@pilot/messaging';
import { CurrentActor } from '../access/access.decorators';
import { CertificatesQueryDto } from './catalogue-query.dto';

/** Open to everyone signed in: colleges apply for these, reviewers put them in plans. */
@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('certificates')
export class CertificatesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: '证书目录：按证书名称或颁证机构检索，按证书代码排序' })
  search(@CurrentActor() actor: Actor, @Query() query: CertificatesQueryDto): Promise<CertificatePage> {
    return this.rpc.request(RpcPatterns.planning.searchCertificates, { ...query, actor });
  }
}
