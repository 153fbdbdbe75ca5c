import { Global, Module, type DynamicModule } from '@nestjs/common';
import { EventPublisher, MESSAGE_LEDGER, MessagingModule, type MessagingOptions } from '@pilot/messaging';
import { HealthModule, type StoreServiceConfig } from '@pilot/runtime';
import { EVENT_SINK, ProcessedMessages, StoreModule } from '@pilot/store';

/**
 * Where the store meets the broker: the outbox relay publishes through the broker's confirmed
 * publisher, and the event consumer records applied messages in the store's ledger.
 */
@Global()
@Module({
  providers: [
    { provide: EVENT_SINK, useExisting: EventPublisher },
    { provide: MESSAGE_LEDGER, useExisting: ProcessedMessages },
  ],
  exports: [EVENT_SINK, MESSAGE_LEDGER],
})
class StoreOnBrokerModule {}

/** What every data-owning service stands on: health, its own store, and the bus. */
export function serviceFoundation(service: string, config: StoreServiceConfig, messaging: Partial<MessagingOptions> = {}): (DynamicModule | typeof HealthModule | typeof StoreOnBrokerModule)[] {
  return [
    HealthModule,
    StoreModule.forRoot({ url: config.MONGO_URL, dbName: config.MONGO_DB, claimLeaseMs: config.MESSAGE_CLAIM_LEASE_MS }),
    MessagingModule.forService({
      service,
      url: config.AMQP_URL,
      exchange: config.EVENTS_EXCHANGE,
      prefetch: config.AMQP_PREFETCH,
      queueType: config.AMQP_QUEUE_TYPE,
      ...messaging,
    }),
    StoreOnBrokerModule,
  ];
}
