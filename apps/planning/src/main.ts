import 'reflect-metadata';
import { bootstrapService, loadConfig, runService } from '@pilot/runtime';
import { PlanningConfig } from './planning.config';
import { PlanningModule } from './planning.module';

runService('planning', async () => {
  const config = loadConfig(PlanningConfig, { HTTP_PORT: '3102', MONGO_DB: 'planning' });
  await bootstrapService(PlanningModule.register(config), { service: 'planning', config });
});
