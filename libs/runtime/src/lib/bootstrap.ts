import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JsonLogger } from './json-logger';
import type { ServiceConfig } from './service-config';

export interface BootstrapOptions {
  service: string;
  config: ServiceConfig;
  configure?: (app: INestApplication) => void | Promise<void>;
  /** The gateway sets its own body limits and error handling instead of Nest's parser. */
  bodyParser?: boolean;
}

/**
 * Starts a service: JSON logs, shutdown hooks (SIGTERM stops consuming, finishes in-flight
 * work, then closes connections), then listens on its HTTP port.
 */
export async function bootstrapService(rootModule: unknown, options: BootstrapOptions): Promise<INestApplication> {
  const logger = new JsonLogger(options.service, options.config.LOG_LEVEL);
  const app = await NestFactory.create(rootModule as never, { logger, bufferLogs: true, bodyParser: options.bodyParser ?? true });
  app.useLogger(logger);
  app.enableShutdownHooks();
  await options.configure?.(app);
  await app.listen(options.config.HTTP_PORT, options.config.HTTP_HOST ?? '0.0.0.0');
  logger.log({ msg: 'service started', port: options.config.HTTP_PORT, env: options.config.NODE_ENV }, 'Bootstrap');
  return app;
}

/** Runs a service's start-up and turns any failure (a bad setting above all) into a clear exit. */
export function runService(service: string, start: () => Promise<unknown>): void {
  start().catch((err: Error) => {
    new JsonLogger(service).fatal({ msg: 'service failed to start', error: err.message }, 'Bootstrap');
    process.exit(1);
  });
}
