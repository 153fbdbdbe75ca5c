import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RpcPatterns, type Actor, type ReviewerPage, type ReviewerView } from '@pilot/contracts';
import { RpcClient } from '@pilot/messaging';
import { CurrentActor, Roles } from '../access/access.decorators';
import { Audited } from '../audit/audited';
import { reviewerAccount, reviewerRole } from '../audit/audit-rules';
import { CreateReviewerDto, ListReviewersQuery } from './reviewer.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/reviewers')
export class ReviewersController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: '审核员账号列表' })
  list(@CurrentActor() actor: Actor, @Query() query: ListReviewersQuery): Promise<ReviewerPage> {
    return this.rpc.request(RpcPatterns.identity.listReviewers, { ...query, actor });
  }

  @Post()
  @ApiOperation({ summary: '新建省级或地市级审核员账号（首次登录须修改初始密码）' })
  @Audited('account.reviewer-created', { target: reviewerAccount, summary: reviewerRole })
  create(@CurrentActor() actor: Actor, @Body() request: CreateReviewerDto): Promise<ReviewerView> {
    return this.rpc.request(RpcPatterns.identity.createReviewer, { ...request, actor });
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: '停用审核员账号：不能再登录，已签发的令牌随即失效' })
  @Audited('account.disabled', { target: reviewerAccount })
  disable(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ReviewerView> {
    return this.rpc.request(RpcPatterns.identity.disableReviewer, { reviewerId: id, actor });
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: '启用审核员账号：可以重新登录（停用前的登录状态不会恢复）' })
  @Audited('account.enabled', { target: reviewerAccount })
  enable(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ReviewerView> {
    return this.rpc.request(RpcPatterns.identity.enableReviewer, { reviewerId: id, actor });
  }
}
