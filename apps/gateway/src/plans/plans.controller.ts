import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RpcPatterns, type Actor, type PlanPage, type PlanView } from '@pilot/contracts';
import { RpcClient } from '@pilot/messaging';
import { CurrentActor, Roles } from '../access/access.decorators';
import { Audited } from '../audit/audited';
import { plan } from '../audit/audit-rules';
import { CreatePlanDto, ListPlansQuery, UpdatePlanDto } from './plan.dto';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlansController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: '申报计划列表：院校看本省已发布的计划，省级审核员看本省全部计划' })
  list(@CurrentActor() actor: Actor, @Query() query: ListPlansQuery): Promise<PlanPage> {
    return this.rpc.request(RpcPatterns.planning.listPlans, { ...query, actor });
  }

  @Get(':id')
  @ApiOperation({ summary: '申报计划详情' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<PlanView> {
    return this.rpc.request(RpcPatterns.planning.getPlan, { id, actor });
  }

  @Post()
  @Roles('province_reviewer')
  @ApiOperation({ summary: '新建本省申报计划（未发布）' })
  @Audited('plan.created', { target: plan })
  create(@CurrentActor() actor: Actor, @Body() fields: CreatePlanDto): Promise<PlanView> {
    return this.rpc.request(RpcPatterns.planning.createPlan, { ...fields, actor });
  }

  @Patch(':id')
  @Roles('province_reviewer')
  @ApiOperation({ summary: '修改申报计划；已发布的计划只能延长申报截止时间' })
  @Audited('plan.updated', { target: plan })
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() changes: UpdatePlanDto): Promise<PlanView> {
    return this.rpc.request(RpcPatterns.planning.updatePlan, { ...changes, id, actor });
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('province_reviewer')
  @ApiOperation({ summary: '发布申报计划，本省院校随即可见' })
  @Audited('plan.published', { target: plan })
  publish(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<PlanView> {
    return this.rpc.request(RpcPatterns.planning.publishPlan, { id, actor });
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('province_reviewer')
  @ApiOperation({ summary: '删除未发布或尚未开始申报的计划' })
  @Audited('plan.deleted', { target: plan })
  async delete(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    await this.rpc.request(RpcPatterns.planning.deletePlan, { id, actor });
  }
}
