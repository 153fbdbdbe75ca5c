import 'reflect-metadata';
import { bootstrapService, loadConfig, runService } from '@pilot/runtime';
import { IdentityModule } from './identity.module';
import { IdentityConfig } from './identity.config';

runService('identity', async () => {
  const config = loadConfig(IdentityConfig, { HTTP_PORT: '3101', MONGO_DB: 'identity' });
  await bootstrapService(IdentityModule.register(config), { service: 'identity', config });
});
