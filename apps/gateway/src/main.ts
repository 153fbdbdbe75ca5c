import 'reflect-metadata';
import { bootstrapService, loadConfig, runService } from '@pilot/runtime';
import { configureHttp } from './http/configure-http';
import { GatewayConfig } from './gateway.config';
import { GatewayModule } from './gateway.module';

runService('gateway', async () => {
  const config = loadConfig(GatewayConfig, { MONGO_DB: 'gateway' });
  await bootstrapService(GatewayModule.register(config), {
    service: 'gateway',
    config,
    bodyParser: false,
    configure: (app) => configureHttp(app, config),
  });
});
