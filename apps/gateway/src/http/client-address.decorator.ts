import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/**
 * The caller's address as the gateway judges it: Express's `req.ip`, which names an address
 * from `X-Forwarded-For` only when the request came through a trusted proxy. The same address
 * the gateway's rate limit counts; identity counts SMS requests and sign-in failures by it.
 */
export const ClientAddress = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const request = context.switchToHttp().getRequest<Request>();
  return request.ip ?? request.socket?.remoteAddress ?? 'unknown';
});
