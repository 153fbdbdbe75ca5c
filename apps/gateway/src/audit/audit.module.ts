import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { StoreModule } from '@pilot/store';
import { AuditEntry, AuditEntrySchema } from './audit-entry.schema';
import { AuditLog } from './audit-log';
import { AuditLogController } from './audit-log.controller';
import { AuditInterceptor } from './audit.interceptor';
import { AuditTrail } from './audit-trail';
import { RegionNames } from './region-names';

/**
 * The audit log (操作日志). The gateway sees every person's request with its actor, address and
 * correlation id, and every outcome, a refused sign-in included: so it records them, in its own
 * database, from the `@Audited` routes' outcomes.
 */
@Module({
  imports: [StoreModule.forFeature([{ name: AuditEntry.name, schema: AuditEntrySchema }])],
  controllers: [AuditLogController],
  providers: [AuditTrail, AuditLog, RegionNames, { provide: APP_INTERCEPTOR, useClass: AuditInterceptor }],
})
export class AuditModule {}
