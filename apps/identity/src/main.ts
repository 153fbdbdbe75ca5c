import 'reflect-metadata';
import { bootstrapService, loadConfig } from '@pilot/runtime';
import { runServiceOrCommand, startBus } from '@pilot/messaging';
import { IdentityModule } from './identity.module';
import { IdentityConfig } from './identity.config';

runServiceOrCommand('identity', async () => {
  const config = loadConfig(IdentityConfig, { HTTP_PORT: '3101', MONGO_DB: 'identity' });
  await bootstrapService(IdentityModule.register(config), { service: 'identity', config, configure: startBus });
});
