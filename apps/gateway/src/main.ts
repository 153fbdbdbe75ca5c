import 'reflect-metadata';
import { bootstrapService, runService } from '@pilot/runtime';
import { gatewayApplication, loadGatewayConfig } from './gateway-application';

runService('gateway', async () => {
  const config = loadGatewayConfig();
  const gateway = gatewayApplication(config);
  await bootstrapService(gateway.module, {
    service: 'gateway',
    config,
    bodyParser: gateway.bodyParser,
    configure: gateway.configure,
  });
});
