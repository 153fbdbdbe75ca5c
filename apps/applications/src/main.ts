import 'reflect-metadata';
import { bootstrapService, loadConfig, StoreServiceConfig } from '@pilot/runtime';
import { runServiceOrCommand, startBus } from '@pilot/messaging';
import { ApplicationsModule } from './applications.module';

runServiceOrCommand('applications', async () => {
  const config = loadConfig(StoreServiceConfig, { HTTP_PORT: '3103', MONGO_DB: 'applications' });
  await bootstrapService(ApplicationsModule.register(config), { service: 'applications', config, configure: startBus });
});
