import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { ErrorCatalog, PlatformError, type ErrorBody, type ErrorCode, type RetryLaterDetails } from '@pilot/contracts';
import type { Response } from 'express';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'MALFORMED_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
};

/** Every error leaves the gateway as `{ code, message }` with its status; never a stack. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.toResponse(exception);
    const retryAfter = (body.details as Partial<RetryLaterDetails> | undefined)?.retryAfterSeconds;
    // A refusal that knows when it ends says so in the standard header too.
    if (typeof retryAfter === 'number') response.setHeader('Retry-After', String(retryAfter));
    response.status(status).json(body);
  }

  private toResponse(exception: unknown): { status: number; body: ErrorBody } {
    if (exception instanceof PlatformError) {
      return { status: exception.status, body: exception.toBody() };
    }
    const code = errorCodeOf(exception);
    if (code === 'INTERNAL_ERROR') {
      const error = exception as Error;
      this.logger.error({ msg: 'unexpected error', error: error?.message }, error?.stack);
    }
    return catalogued(code);
  }
}

/** The code the caller is answered with for what a route threw. */
export function errorCodeOf(exception: unknown): ErrorCode {
  if (exception instanceof PlatformError) return exception.code;
  if (exception instanceof ThrottlerException) return 'RATE_LIMITED';
  if (exception instanceof HttpException) return CODE_BY_STATUS[exception.getStatus()] ?? 'INTERNAL_ERROR';
  return 'INTERNAL_ERROR';
}

export function catalogued(code: ErrorCode): { status: number; body: ErrorBody } {
  return { status: ErrorCatalog[code].status, body: { code, message: ErrorCatalog[code].message } };
}
