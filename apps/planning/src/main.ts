import 'reflect-metadata';
import { bootstrapService, loadConfig, runService, StoreServiceConfig } from '@pilot/runtime';
import { PlanningModule } from './planning.module';

runService('planning', async () => {
  const config = loadConfig(StoreServiceConfig, { HTTP_PORT: '3102', MONGO_DB: 'planning' });
  await bootstrapService(PlanningModule.register(config), { service: 'planning', config });
});
