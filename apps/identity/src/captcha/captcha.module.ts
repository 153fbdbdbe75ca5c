import { DynamicModule, Module } from '@nestjs/common';
import { StoreModule } from '@pilot/store';
import { CaptchaHandlers } from './captcha.handlers';
import { CAPTCHA_OPTIONS, type CaptchaOptions } from './captcha.options';
import { Captcha, CaptchaSchema } from './captcha.schema';
import { CaptchaService } from './captcha.service';

@Module({})
export class CaptchaModule {
  static register(options: CaptchaOptions): DynamicModule {
    // Global: other modules of identity verify captchas before their own work.
    return {
      module: CaptchaModule,
      global: true,
      // The store's housekeeping removes challenges once expired (FerretDB v1 has no TTL indexes).
      imports: [StoreModule.forFeature([{ name: Captcha.name, schema: CaptchaSchema, expire: { field: 'expiresAt', afterMs: 0 } }])],
      controllers: [CaptchaHandlers],
      providers: [{ provide: CAPTCHA_OPTIONS, useValue: options }, CaptchaService],
      exports: [CaptchaService],
    };
  }
}
