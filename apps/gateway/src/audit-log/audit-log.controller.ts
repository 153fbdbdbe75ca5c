import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AUDIT_EXPORT_MAX_ROWS, type Actor, type AuditEntryPage } from '@pilot/contracts';
import { CurrentActor, Roles } from '../access/access.decorators';
import { attachmentDisposition } from '../http/attachment-disposition';
import { AuditLog } from './audit-log';
import { auditLogSheet } from './audit-log-export';
import { AuditLogFiltersDto, AuditLogQueryDto } from './audit-log.dto';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('audit-log')
@ApiBearerAuth()
@Roles('admin', 'province_reviewer')
@Controller('audit-log')
export class AuditLogController {
  constructor(private readonly log: AuditLog) {}

  @Get()
  @ApiOperation({
    summary: '操作日志（新的在前）：平台管理员看全部，省级审核员看本省的（操作人或操作对象属于本省）',
    description: '记录登录、登录失败、退出、修改和找回密码、账号开通、申报计划和申报的每次变更及审核、目录导入等操作，含操作人、IP地址和关联编号；不含密码、验证码和令牌。',
  })
  list(@CurrentActor() actor: Actor, @Query() query: AuditLogQueryDto): Promise<AuditEntryPage> {
    return this.log.page(actor, query);
  }

  @Get('export')
  @ApiProduces(XLSX)
  @ApiOperation({ summary: `按筛选条件导出操作日志（XLSX，最多${AUDIT_EXPORT_MAX_ROWS}条，超出时请缩小范围）` })
  async export(@CurrentActor() actor: Actor, @Query() filters: AuditLogFiltersDto): Promise<StreamableFile> {
    const bytes = await auditLogSheet(await this.log.all(actor, filters));
    return new StreamableFile(bytes, { type: XLSX, disposition: attachmentDisposition('操作日志.xlsx') });
  }
}
