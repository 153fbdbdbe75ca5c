import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AccessGuard } from './access.guard';
import { ACCESS_TOKEN_SECRET, JwtStrategy } from './jwt.strategy';
import { SessionEventsHandlers } from './session-events.handlers';
import { IdentitySessionVersions, SESSION_VERSION_CACHE_MS, SESSION_VERSION_SOURCE, SessionVersions } from './session-versions';

export interface AccessOptions {
  secret: string;
  /** How long a copy of an account's session version is trusted without asking identity. */
  sessionVersionCacheMs: number;
}

@Module({})
export class AccessModule {
  static register(options: AccessOptions): DynamicModule {
    return {
      module: AccessModule,
      imports: [PassportModule],
      controllers: [SessionEventsHandlers],
      providers: [
        { provide: ACCESS_TOKEN_SECRET, useValue: options.secret },
        { provide: SESSION_VERSION_CACHE_MS, useValue: options.sessionVersionCacheMs },
        { provide: SESSION_VERSION_SOURCE, useClass: IdentitySessionVersions },
        JwtStrategy,
        SessionVersions,
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
    };
  }
}
