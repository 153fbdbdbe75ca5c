import 'reflect-metadata';
import { bootstrapService, loadConfig, runService, StoreServiceConfig } from '@pilot/runtime';
import { NotificationsModule } from './notifications.module';

runService('notifications', async () => {
  const config = loadConfig(StoreServiceConfig, { HTTP_PORT: '3104', MONGO_DB: 'notifications' });
  await bootstrapService(NotificationsModule.register(config), { service: 'notifications', config });
});
