import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { RpcPatterns, type Actor, type ApplicationPage, type ApplicationView, type CertificateTotals } from '@pilot/contracts';
import { RpcClient } from '@pilot/messaging';
import { CurrentActor, Roles } from '../access/access.decorators';
import { Audited } from '../audit/audited';
import { application, reviewAction, reviewSummary } from '../audit/audit-rules';
import { EvidenceFiles } from '../files/evidence-files.service';
import { attachmentDisposition } from '../http/attachment-disposition';
import { CertificateTotalsQuery, CreateApplicationDto, ListApplicationsQuery, ReviewDto, UpdateApplicationDto } from './application.dto';
import { exportApplications } from './applications-export';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly files: EvidenceFiles,
  ) {}

  @Get()
  @Roles('college', 'city_reviewer', 'province_reviewer')
  @ApiOperation({ summary: '申报列表（含各标签页数量）：院校看本校的，审核员看本地区已提交的' })
  list(@CurrentActor() actor: Actor, @Query() query: ListApplicationsQuery): Promise<ApplicationPage> {
    return this.rpc.request(RpcPatterns.applications.list, { ...query, actor });
  }

  @Get('certificate-totals')
  @Roles('city_reviewer', 'province_reviewer')
  @ApiOperation({ summary: '申报汇总：某批次各证书的申报数、拟申报与已批准培训人数' })
  certificateTotals(@CurrentActor() actor: Actor, @Query() query: CertificateTotalsQuery): Promise<CertificateTotals[]> {
    return this.rpc.request(RpcPatterns.applications.certificateTotals, { planId: query.planId, actor });
  }

  @Get('export')
  @Roles('city_reviewer', 'province_reviewer')
  @ApiProduces(XLSX)
  @ApiOperation({ summary: '按筛选条件导出申报列表（XLSX）' })
  async export(@CurrentActor() actor: Actor, @Query() query: ListApplicationsQuery): Promise<StreamableFile> {
    const bytes = await exportApplications(this.rpc, actor, query);
    return new StreamableFile(bytes, { type: XLSX, disposition: attachmentDisposition('申报列表.xlsx') });
  }

  @Get(':id')
  @Roles('college', 'city_reviewer', 'province_reviewer')
  @ApiOperation({ summary: '申报详情（含审核记录）' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ApplicationView> {
    return this.rpc.request(RpcPatterns.applications.get, { id, actor });
  }

  @Post()
  @Roles('college')
  @ApiOperation({ summary: '保存申报（暂不提交审核）' })
  @Audited('application.created', { target: application })
  async create(@CurrentActor() actor: Actor, @Body() { fileIds, ...fields }: CreateApplicationDto): Promise<ApplicationView> {
    const files = await this.files.describeOwned(actor, fileIds);
    return this.rpc.request(RpcPatterns.applications.create, { ...fields, files, actor });
  }

  @Put(':id')
  @Roles('college')
  @ApiOperation({ summary: '修改待提交或审核不通过的申报' })
  @Audited('application.updated', { target: application })
  async update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() { fileIds, ...change }: UpdateApplicationDto): Promise<ApplicationView> {
    const files = fileIds === undefined ? undefined : await this.files.describeOwned(actor, fileIds);
    return this.rpc.request(RpcPatterns.applications.update, { ...change, ...(files ? { files } : {}), id, actor });
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('college')
  @ApiOperation({ summary: '删除待提交的申报' })
  @Audited('application.deleted', { target: application })
  async delete(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    await this.rpc.request(RpcPatterns.applications.delete, { id, actor });
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('college')
  @ApiOperation({ summary: '提交审核（提交后不能修改，审核不通过后可修改再提交）' })
  @Audited('application.submitted', { target: application })
  submit(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ApplicationView> {
    return this.rpc.request(RpcPatterns.applications.submit, { id, actor });
  }

  @Post(':id/review')
  @HttpCode(200)
  @Roles('city_reviewer', 'province_reviewer')
  @ApiOperation({ summary: '审核：地市级先审（如需），省级审核通过时填写已批准培训人数' })
  @Audited(reviewAction, { target: application, summary: reviewSummary })
  review(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() review: ReviewDto): Promise<ApplicationView> {
    return this.rpc.request(RpcPatterns.applications.review, { ...review, id, actor });
  }
}
