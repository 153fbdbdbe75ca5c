import { Body, Controller, Get, Post, Query } from '@nestjs/common';
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
}
