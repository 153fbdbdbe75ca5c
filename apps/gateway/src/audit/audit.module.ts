import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { StoreModule } from '@pilot/store';
import { AuditEntry, AuditEntrySchema } from './audit-entry.schema';
import { AuditInterceptor } from './audit.interceptor';
import { AuditTrail } from './audit-trail';

const auditEntries = StoreModule.forFeature([{ name: AuditEntry.name, schema: AuditEntrySchema }]);

/**
 * Recording the audit log (操作日志). The gateway sees every person's request with its actor,
 * address and correlation id, and every outcome, a refused sign-in included: so it records them,
 * in its own database, from the `@Audited` routes' outcomes. The entries' repository is shared
 * with the module that reads them.
 */
@Module({
  imports: [auditEntries],
  providers: [AuditTrail, { provide: APP_INTERCEPTOR, useClass: AuditInterceptor }],
  exports: [auditEntries],
})
export class AuditModule {}
