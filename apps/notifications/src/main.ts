import 'reflect-metadata';
import { bootstrapService, loadConfig } from '@pilot/runtime';
import { runServiceOrCommand, startBus } from '@pilot/messaging';
import { NotificationsConfig } from './notifications.config';
import { NotificationsModule } from './notifications.module';

runServiceOrCommand('notifications', async () => {
  const config = loadConfig(NotificationsConfig, { HTTP_PORT: '3104', MONGO_DB: 'notifications' });
  await bootstrapService(NotificationsModule.register(config), { service: 'notifications', config, configure: startBus });
});
