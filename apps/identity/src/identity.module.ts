import { DynamicModule, Module } from '@nestjs/common';
import { AccessTokenSigner } from '@pilot/access-tokens';
import { serviceFoundation } from '@pilot/foundation';
import { AccountsModule } from './accounts/accounts.module';
import { CaptchaModule } from './captcha/captcha.module';
import { ClientAddressesModule } from './client-addresses/client-addresses.module';
import { CollegeProfilesModule } from './college-profiles/college-profiles.module';
import { DirectoryModule } from './directory/directory.module';
import { IdentityConfig } from './identity.config';
import { PasswordsModule } from './passwords/passwords.module';
import { PilotStatusModule } from './pilot-status/pilot-status.module';
import { RegionsModule } from './regions/regions.module';
import { RegistrationModule } from './registration/registration.module';
import { ReviewersModule } from './reviewers/reviewers.module';
import { SessionsModule } from './sessions/sessions.module';
import { VerificationModule } from './verification/verification.module';

@Module({})
export class IdentityModule {
  /** `service` names its queues; specs give one of their own, so as not to take a running platform's messages. */
  static register(config: IdentityConfig, service = 'identity'): DynamicModule {
    const devTools = config.DEV_TOOLS === '1';
    return {
      module: IdentityModule,
      imports: [
        // Accounts and profiles announce their changes: their modules register them with events.
        ...serviceFoundation(service, config),
        RegionsModule,
        ClientAddressesModule.register(config.LIMIT_EXEMPT_ADDRESSES),
        AccountsModule.register({ adminInitialPassword: config.ADMIN_INITIAL_PASSWORD }),
        DirectoryModule.register({ seedDemoData: config.SEED_DEMO_DATA === '1', devTools }),
        CaptchaModule.register({ devTools }),
        VerificationModule,
        SessionsModule.register({
          tokens: new AccessTokenSigner(config.JWT_SECRET),
          accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
          refreshTokenTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
        }),
        RegistrationModule,
        PasswordsModule,
        CollegeProfilesModule,
        ReviewersModule,
        PilotStatusModule,
      ],
      providers: [{ provide: IdentityConfig, useValue: config }],
    };
  }
}
