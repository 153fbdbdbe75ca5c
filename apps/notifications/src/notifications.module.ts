import { DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation } from '@pilot/messaging';
import type { StoreServiceConfig } from '@pilot/runtime';

/** Owns SMS and in-app messages to colleges; its domain modules join this list as they are built. */
@Module({})
export class NotificationsModule {
  static register(config: StoreServiceConfig): DynamicModule {
    return { module: NotificationsModule, imports: [...serviceFoundation('notifications', config)] };
  }
}
