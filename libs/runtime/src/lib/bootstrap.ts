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
 * Starts a service: JSON logs, a graceful stop on SIGTERM, then listens on its HTTP port.
 */
export async function bootstrapService(rootModule: unknown, options: BootstrapOptions): Promise<INestApplication> {
  const logger = new JsonLogger(options.service, options.config.LOG_LEVEL);
  const app = await NestFactory.create(rootModule as never, { logger, bufferLogs: true, bodyParser: options.bodyParser ?? true });
  app.useLogger(logger);
  stopGracefullyOnSignals(app, logger);
  await options.configure?.(app);
  await app.listen(options.config.HTTP_PORT, options.config.HTTP_HOST ?? '0.0.0.0');
  logger.log({ msg: 'service started', port: options.config.HTTP_PORT, env: options.config.NODE_ENV }, 'Bootstrap');
  return app;
}

/**
 * On SIGTERM/SIGINT: close the app (consumers stop taking work and finish what they hold, then
 * connections close) and exit 0, so an orchestrator sees a clean stop.
 */
function stopGracefullyOnSignals(app: INestApplication, logger: JsonLogger): void {
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.log({ msg: 'shutting down', signal }, 'Bootstrap');
      app.close().then(
        () => {
          logger.log({ msg: 'service stopped' }, 'Bootstrap');
          process.exit(0);
        },
        (err: Error) => {
          logger.error({ msg: 'shutdown failed', error: err.message }, err.stack, 'Bootstrap');
          process.exit(1);
        },
      );
    });
  }
}

/** Runs a service's start-up and turns any failure (a bad setting above all) into a clear exit. */
export function runService(service: string, start: () => Promise<unknown>): void {
  start().catch((err: Error) => {
    new JsonLogger(service).fatal({ msg: 'service failed to start', error: err.message }, 'Bootstrap');
    process.exit(1);
  });
}
