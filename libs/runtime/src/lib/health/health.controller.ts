import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../public-route';
import { HealthRegistry } from './health-indicator';

@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  /** Liveness: the process answers; it never depends on the broker or the store. */
  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  /** Readiness: every dependency answers, so the service can take work. */
  @Get(['ready', ''])
  async ready(@Res({ passthrough: true }) response: Response) {
    const { healthy, checks } = await this.registry.report();
    response.status(healthy ? 200 : 503);
    return { status: healthy ? 'ok' : 'unavailable', checks };
  }
}
