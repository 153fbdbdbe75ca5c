import type { DynamicModule } from '@nestjs/common';
import { HealthModule, StoreModule, type StoreServiceConfig } from '@pilot/runtime';
import { MessagingModule } from './messaging.module';
import type { MessagingOptions } from './messaging.options';

/** What every data-owning service stands on: health, its own store, and the bus. */
export function serviceFoundation(
  service: string,
  config: StoreServiceConfig,
  messaging: Partial<MessagingOptions> = {},
): (DynamicModule | typeof HealthModule)[] {
  return [
    HealthModule,
    StoreModule.forRoot({ url: config.MONGO_URL, dbName: config.MONGO_DB }),
    MessagingModule.forService({
      service,
      url: config.AMQP_URL,
      exchange: config.EVENTS_EXCHANGE,
      prefetch: config.AMQP_PREFETCH,
      queueType: config.AMQP_QUEUE_TYPE,
      claimLeaseMs: config.MESSAGE_CLAIM_LEASE_MS,
      ...messaging,
    }),
  ];
}
