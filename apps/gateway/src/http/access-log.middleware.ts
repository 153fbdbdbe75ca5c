import { Injectable, Logger, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AsyncResource } from 'node:async_hooks';

/** One log line per request, written when the response is finished, with its correlation id. */
@Injectable()
export class AccessLogMiddleware implements NestMiddleware {
  private readonly logger = new Logger('Http');

  use(request: Request, response: Response, next: NextFunction): void {
    const started = Date.now();
    // Bound, so that the line keeps the request's correlation id when 'finish' fires later.
    response.on('finish', AsyncResource.bind(() =>
      this.logger.log({
        msg: 'request',
        method: request.method,
        path: request.originalUrl.split('?')[0],
        status: response.statusCode,
        // The client's address as the trusted proxies tell it (TRUSTED_PROXIES), as the rate limit counts it.
        address: request.ip,
        ms: Date.now() - started,
      }),
    ));
    next();
  }
}
