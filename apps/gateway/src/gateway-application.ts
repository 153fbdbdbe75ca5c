import type { INestApplication } from '@nestjs/common';
import { startBus } from '@pilot/messaging';
import { loadConfig } from '@pilot/runtime';
import { configureHttp } from './http/configure-http';
import { GatewayConfig } from './gateway.config';
import { GatewayModule } from './gateway.module';

/** The gateway's settings: the environment over the gateway's own defaults. */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  return loadConfig(GatewayConfig, { MONGO_DB: 'gateway' }, env);
}

/**
 * The gateway as `main.ts` starts it, and as its HTTP specs build it: the module tree, Nest's
 * own body parser off (configureHttp sets the limits and answers parse errors itself), then
 * the HTTP set-up, and the events it follows (identity's, for its copies of session versions).
 */
export function gatewayApplication(config: GatewayConfig) {
  return {
    module: GatewayModule.register(config),
    bodyParser: false,
    configure: async (app: INestApplication) => {
      configureHttp(app, config);
      await startBus(app);
    },
  };
}
