import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessTokens } from '@pilot/access-tokens';
import { AccessGuard } from './access.guard';

@Module({})
export class AccessModule {
  static register(secret: string): DynamicModule {
    return {
      module: AccessModule,
      providers: [{ provide: AccessTokens, useValue: new AccessTokens(secret) }, { provide: APP_GUARD, useClass: AccessGuard }],
    };
  }
}
