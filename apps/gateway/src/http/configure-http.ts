import { type INestApplication, ValidationPipe } from '@nestjs/common';
import { PlatformError, type ErrorCode } from '@pilot/contracts';
import type { ValidationError } from 'class-validator';
import { urlencoded, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { GatewayConfig } from '../gateway.config';
import { answerClientErrorsInJson } from './client-errors';
import { catalogued } from './http-error.filter';
import { jsonBody, TOO_DEEP } from './json-body';
import { setUpOpenApi } from './openapi';
import { InputShapePipe } from './input-shape.pipe';
import { trustedProxies } from './trusted-proxies';

export const API_PREFIX = 'api/v1';

/** Security headers, body limits, validation and the API's documentation, in that order. */
export function configureHttp(app: INestApplication, config: GatewayConfig): void {
  const express = app.getHttpAdapter().getInstance();
  express.disable('x-powered-by');
  // The client's address (request.ip: the rate limit, the logs) is the nearest one in
  // X-Forwarded-For that no trusted proxy wrote: a caller cannot choose it by sending the header.
  express.set('trust proxy', trustedProxies(config.TRUSTED_PROXIES));
  app.use(helmet());
  app.use(jsonBody(config.BODY_LIMIT));
  app.use(urlencoded({ extended: false, limit: config.BODY_LIMIT }));
  app.use(bodyErrorHandler);
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(
    new InputShapePipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => new PlatformError('VALIDATION_FAILED', undefined, { fields: fieldsOf(errors) }),
    }),
  );
  setUpOpenApi(app);
  answerClientErrorsInJson(app.getHttpServer());
}

const BODY_ERRORS = new Map<string | undefined, ErrorCode>([
  ['entity.too.large', 'PAYLOAD_TOO_LARGE'],
  [TOO_DEEP, 'PAYLOAD_TOO_DEEP'],
]);

/** Body-parser failures happen before Nest's filters see the request. */
function bodyErrorHandler(err: { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction): void {
  if (!err) return next();
  const { status, body } = catalogued(BODY_ERRORS.get(err.type) ?? 'MALFORMED_REQUEST');
  res.status(status).json(body);
}

/** class-validator's own checks, which no DTO words: in the platform's language like the rest. */
const BUILT_IN_MESSAGES: Record<string, string> = {
  whitelistValidation: '不接受此字段',
  nestedValidation: '格式不正确',
  unknownValue: '格式不正确',
};

function fieldsOf(errors: ValidationError[], parent = ''): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      fields[path] = [...new Set(Object.entries(error.constraints).map(([check, message]) => BUILT_IN_MESSAGES[check] ?? message))];
    }
    Object.assign(fields, fieldsOf(error.children ?? [], path));
  }
  return fields;
}
