import 'reflect-metadata';
import { bootstrapService, loadConfig, runService, StoreServiceConfig } from '@pilot/runtime';
import { ApplicationsModule } from './applications.module';

runService('applications', async () => {
  const config = loadConfig(StoreServiceConfig, { HTTP_PORT: '3103', MONGO_DB: 'applications' });
  await bootstrapService(ApplicationsModule.register(config), { service: 'applications', config });
});
