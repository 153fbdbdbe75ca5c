import { DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation } from '@pilot/messaging';
import { CaptchaModule } from './captcha/captcha.module';
import { DirectoryModule } from './directory/directory.module';
import { IdentityConfig } from './identity.config';
import { RegionsModule } from './regions/regions.module';
import { VerificationModule } from './verification/verification.module';

@Module({})
export class IdentityModule {
  static register(config: IdentityConfig): DynamicModule {
    return {
      module: IdentityModule,
      imports: [
        ...serviceFoundation('identity', config),
        RegionsModule,
        DirectoryModule.register({ seedDemoData: config.SEED_DEMO_DATA === '1' }),
        CaptchaModule.register({ devTools: config.DEV_TOOLS === '1' }),
        VerificationModule,
      ],
      providers: [{ provide: IdentityConfig, useValue: config }],
    };
  }
}
