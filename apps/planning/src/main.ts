import 'reflect-metadata';
import { bootstrapService, loadConfig } from '@pilot/runtime';
import { runServiceOrCommand, startBus } from '@pilot/messaging';
import { PlanningConfig } from './planning.config';
import { PlanningModule } from './planning.module';

runServiceOrCommand('planning', async () => {
  const config = loadConfig(PlanningConfig, { HTTP_PORT: '3102', MONGO_DB: 'planning' });
  await bootstrapService(PlanningModule.register(config), { service: 'planning', config, configure: startBus });
});
