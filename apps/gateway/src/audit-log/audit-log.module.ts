import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuditLog } from './audit-log';
import { AuditLogController } from './audit-log.controller';
import { RegionNames } from './region-names';

/** Reading the audit log (操作日志): its page and its export, for administrators and province reviewers. */
@Module({
  imports: [AuditModule],
  controllers: [AuditLogController],
  providers: [AuditLog, RegionNames],
})
export class AuditLogModule {}
