import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CORRELATION_HEADER, currentCorrelationId } from '@pilot/runtime';
import type { Request, Response } from 'express';
import { Observable, catchError, concatMap } from 'rxjs';
import type { SignedInRequest } from '../access/access.decorators';
import { errorCodeOf } from '../http/http-error.filter';
import { AUDIT_RULE, auditNoteOf, type AuditRule, type AuditedCall } from './audited';
import { AuditTrail, type CallOrigin } from './audit-trail';

/**
 * Records the outcome of every `@Audited` route once it is known. A body refused by validation
 * never reached the service and changed nothing, so it is not recorded; every other failure is,
 * with the code the caller was answered with.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly trail: AuditTrail,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const rule = this.reflector.get<AuditRule | undefined>(AUDIT_RULE, context.getHandler());
    if (!rule) return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<Request & Partial<SignedInRequest> & { file?: { originalname?: string } }>();
    const origin = originOf(request, http.getResponse<Response>());
    const callOf = (outcome: AuditedCall['outcome'], result?: unknown): AuditedCall => ({
      outcome,
      actor: request.actor,
      params: request.params ?? {},
      body: isRecord(request.body) ? request.body : {},
      fileName: request.file?.originalname,
      result,
      note: auditNoteOf(request),
    });
    return next.handle().pipe(
      concatMap(async (result: unknown) => {
        await this.trail.record(rule, callOf('success', result), origin);
        return result;
      }),
      catchError(async (error: unknown) => {
        const code = errorCodeOf(error);
        if (code !== 'VALIDATION_FAILED') await this.trail.record(rule, callOf('failure'), origin, code);
        throw error;
      }),
    );
  }
}

function originOf(request: Request, response: Response): CallOrigin {
  return {
    address: request.ip ?? '',
    correlationId: currentCorrelationId() ?? String(response.getHeader(CORRELATION_HEADER) ?? ''),
    authorization: request.headers.authorization,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
