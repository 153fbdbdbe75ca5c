import 'reflect-metadata';
import { bootstrapService, loadConfig, runService } from '@pilot/runtime';
import { NotificationsConfig } from './notifications.config';
import { NotificationsModule } from './notifications.module';

runService('notifications', async () => {
  const config = loadConfig(NotificationsConfig, { HTTP_PORT: '3104', MONGO_DB: 'notifications' });
  await bootstrapService(NotificationsModule.register(config), { service: 'notifications', config });
});
