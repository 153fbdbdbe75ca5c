import { Controller, Inject } from '@nestjs/common';
import { PlatformError, RpcPatterns } from '@pilot/contracts';
import { OnRequest } from '@pilot/messaging';
import { CaptchaService } from './captcha.service';
import { CAPTCHA_OPTIONS, type CaptchaOptions } from './captcha.options';

@Controller()
export class CaptchaHandlers {
  constructor(
    private readonly captchas: CaptchaService,
    @Inject(CAPTCHA_OPTIONS) private readonly options: CaptchaOptions,
  ) {}

  @OnRequest(RpcPatterns.identity.createCaptcha)
  create() {
    return this.captchas.create();
  }

  /** Refused here too when the development tools are off, whatever the gateway does. */
  @OnRequest(RpcPatterns.identity.revealCaptcha)
  reveal({ captchaId }: { captchaId: string }) {
    if (!this.options.devTools) throw new PlatformError('NOT_FOUND');
    return this.captchas.reveal(captchaId);
  }
}
