import { Injectable, NestMiddleware } from '@nestjs/common';
import { CORRELATION_HEADER, newCorrelationId, runWithCorrelation } from '@pilot/runtime';
import type { NextFunction, Request, Response } from 'express';

const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Every request gets a correlation id (the caller's, when it sends a sane one) that follows it over the bus. */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction): void {
    const offered = request.header(CORRELATION_HEADER);
    const correlationId = offered && ACCEPTABLE_ID.test(offered) ? offered : newCorrelationId();
    response.setHeader(CORRELATION_HEADER, correlationId);
    runWithCorrelation(correlationId, next);
  }
}
