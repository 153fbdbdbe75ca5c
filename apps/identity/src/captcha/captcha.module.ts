import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
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
      imports: [MongooseModule.forFeature([{ name: Captcha.name, schema: CaptchaSchema }])],
      controllers: [CaptchaHandlers],
      providers: [{ provide: CAPTCHA_OPTIONS, useValue: options }, CaptchaService],
      exports: [CaptchaService],
    };
  }
}
