import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CollegeProfilesModule } from '../college-profiles/college-profiles.module';
import { RegionsModule } from '../regions/regions.module';
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
        MongooseModule.forFeature([
          { name: RefreshSession.name, schema: RefreshSessionSchema },
          { name: LoginFailure.name, schema: LoginFailureSchema },
        ]),
      ],
      controllers: [SessionsHandlers],
      providers: [{ provide: SESSIONS_OPTIONS, useValue: options }, SessionsService, UserViews],
      exports: [SessionsService],
    };
  }
}
