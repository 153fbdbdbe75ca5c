import { DynamicModule, Module } from '@nestjs/common';
import { StoreModule } from '@pilot/store';
import { AccountLocatorHandlers } from './account-locator.handlers';
import { CollegeProfilesModule } from '../college-profiles/college-profiles.module';
import { RegionsModule } from '../regions/regions.module';
import { FAILURES_KEPT_MS } from './lockout';
import { LoginFailure, LoginFailureSchema } from './login-failure.schema';
import { RefreshSession, RefreshSessionSchema } from './refresh-session.schema';
import { SessionsHandlers } from './sessions.handlers';
import { SESSIONS_OPTIONS, type SessionsOptions } from './sessions.options';
import { SessionsService } from './sessions.service';
import { UserViews } from './user-views';

@Module({})
export class SessionsModule {
  static register(options: SessionsOptions): DynamicModule {
    // Global: password changes end sessions.
    return {
      module: SessionsModule,
      global: true,
      imports: [
        RegionsModule,
        CollegeProfilesModule,
        // Spent records go with the store's housekeeping (FerretDB v1 has no TTL indexes): sessions
        // once expired, failures once too old to count towards any lock or delay.
        StoreModule.forFeature([
          { name: RefreshSession.name, schema: RefreshSessionSchema, expire: { field: 'expiresAt', afterMs: 0 } },
          { name: LoginFailure.name, schema: LoginFailureSchema, expire: { field: 'at', afterMs: FAILURES_KEPT_MS } },
        ]),
      ],
      controllers: [SessionsHandlers, AccountLocatorHandlers],
      providers: [{ provide: SESSIONS_OPTIONS, useValue: options }, SessionsService, UserViews],
      exports: [SessionsService],
    };
  }
}
