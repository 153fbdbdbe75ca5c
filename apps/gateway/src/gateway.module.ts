import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { MessagingModule } from '@pilot/messaging';
import { HealthController, HealthModule } from '@pilot/runtime';
import { StoreModule } from '@pilot/store';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { AccessModule } from './access/access.module';
import { ApplicationsModule } from './applications/applications.module';
import { AuthModule } from './auth/auth.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { CollegeProfileModule } from './college-profile/college-profile.module';
import { AdminModule } from './admin/admin.module';
import { AuditModule } from './audit/audit.module';
import { AuditLogModule } from './audit-log/audit-log.module';
import { DevToolsModule } from './dev-tools/dev-tools.module';
import { FilesModule } from './files/files.module';
import { GatewayConfig } from './gateway.config';
import { AccessLogMiddleware } from './http/access-log.middleware';
import { CorrelationMiddleware } from './http/correlation.middleware';
import { HttpErrorFilter } from './http/http-error.filter';
import { ImportsModule } from './imports/imports.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PilotStatusModule } from './pilot-status/pilot-status.module';
import { PlansModule } from './plans/plans.module';
import { RegionsModule } from './regions/regions.module';
import { RegistrationsModule } from './registrations/registrations.module';

@Module({})
export class GatewayModule implements NestModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        HealthModule,
        StoreModule.forRoot({ url: config.MONGO_URL, dbName: config.MONGO_DB }),
        MessagingModule.forGateway({
          url: config.AMQP_URL,
          rpcTimeoutMs: config.RPC_TIMEOUT_MS,
          // Each gateway process keeps its own copy of session versions, so each hears every event.
          events: { exchange: config.EVENTS_EXCHANGE, prefetch: config.AMQP_PREFETCH, process: `${hostname()}-${randomUUID().slice(0, 8)}` },
        }),
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'default', ttl: 60_000, limit: config.RATE_LIMIT_PER_MINUTE }],
          // One count per client address over all routes, as RATE_LIMIT_PER_MINUTE says; the
          // throttler's own key also names the route, which would give each route its own allowance.
          generateKey: (_context, tracker, throttler) => `${throttler}:${tracker}`,
          // Probes of orchestrators and load balancers come often and must never be refused.
          skipIf: (context) => context.getClass() === HealthController,
        }),
        AccessModule.register({ secret: config.JWT_SECRET, sessionVersionCacheMs: config.SESSION_VERSION_CACHE_MS }),
        AuditModule,
        AuditLogModule,
        RegionsModule,
        RegistrationsModule,
        AuthModule,
        CollegeProfileModule,
        CatalogueModule,
        AdminModule,
        ImportsModule,
        PlansModule,
        ApplicationsModule,
        PilotStatusModule,
        NotificationsModule,
        FilesModule,
        ...(config.DEV_TOOLS === '1' ? [DevToolsModule] : []),
      ],
      providers: [
        { provide: GatewayConfig, useValue: config },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationMiddleware, AccessLogMiddleware).forRoutes('*path');
  }
}
