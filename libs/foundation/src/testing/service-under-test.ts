import type { ModuleMetadata } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { deadLetterExchangeOf, eventQueuesOf, rpcQueueOf, type BrokerConnection } from '@pilot/messaging';
import { EventTap, brokerFor, deleteQueues, uniqueName } from '@pilot/messaging/testing';
import { dropStoreOf } from '@pilot/store/testing';

/** The names a service under test runs with, its own so that a running platform is left alone. */
export interface TestNames {
  service: string;
  exchange: string;
  database: string;
}

export interface ServiceUnderTest extends TestNames {
  moduleRef: TestingModule;
  /** Every event the service publishes that matches the tap's routing key. */
  tap: EventTap;
  stop(): Promise<void>;
}

/**
 * A service's modules on the real store and broker under names of their own, with a tap on the
 * events it publishes; `stop` drops its database and removes its queues and exchange.
 */
export async function serviceUnderTest(name: string, imports: (names: TestNames) => ModuleMetadata['imports'], tapped = '#'): Promise<ServiceUnderTest> {
  const service = uniqueName(name);
  const names = { service, exchange: `${service}-events`, database: service.replace(/-/g, '_') };
  const moduleRef = await Test.createTestingModule({ imports: imports(names) }).compile();
  await moduleRef.init();
  const broker: BrokerConnection = brokerFor(`${service}-tap`);
  const tap = await new EventTap(broker, names.exchange, tapped).start();
  return {
    ...names,
    moduleRef,
    tap,
    async stop() {
      await tap.stop();
      await dropStoreOf(moduleRef);
      await moduleRef.close();
      await deleteQueues(broker, [rpcQueueOf(service), ...Object.values(eventQueuesOf(service))], [names.exchange, deadLetterExchangeOf(names.exchange)]);
      await broker.close();
    },
  };
}
