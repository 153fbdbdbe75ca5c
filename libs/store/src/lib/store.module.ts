import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationBootstrap, BeforeApplicationShutdown, Optional } from '@nestjs/common';
import { MongooseModule, getConnectionToken, getModelToken } from '@nestjs/mongoose';
import { HealthRegistry } from '@pilot/runtime';
import type { Connection, Model, Schema } from 'mongoose';
import { Claims } from './claims';
import { FileBuckets } from './file-buckets';
import { DEFAULT_HOUSEKEEPING, StoreHousekeeping, type Expiry } from './housekeeping';
import { OneAtATime } from './one-at-a-time';
import { prepareSchema, type EventSink } from './outbox';
import { OutboxRelay } from './outbox-relay';
import { ProcessedMessages } from './processed-messages';
import { Repository } from './repository';
import { DocumentTurns } from './turns';

export interface StoreOptions {
  url: string;
  dbName: string;
  /** See MESSAGE_CLAIM_LEASE_MS: how long a consumer's claim of a message holds. */
  claimLeaseMs?: number;
  outboxPollIntervalMs?: number;
}

/** An aggregate the service keeps: its schema, whether its changes carry events, when its documents expire. */
export interface Aggregate {
  name: string;
  schema: Schema;
  collection?: string;
  events?: boolean;
  expire?: Expiry;
}

/** Where the outbox relay publishes; the service's foundation binds it to the broker. */
export const EVENT_SINK = Symbol('EVENT_SINK');

const logger = new Logger('Store');

export const repositoryToken = (name: string): string => `Repository<${name}>`;

/** Injects the repository of an aggregate registered with `StoreModule.forFeature`. */
export const InjectRepository = (aggregate: { name: string }): ParameterDecorator => Inject(repositoryToken(aggregate.name));

/** The models whose documents carry an outbox, for the relay. */
class OutboxModels {
  readonly models: Model<any>[] = [];
}

/** Starts the relay and housekeeping once the service is built; the relay stops after the consumers. */
@Injectable()
class StoreLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly outboxModels: OutboxModels,
    private readonly housekeeping: StoreHousekeeping,
    @Inject(getConnectionToken()) private readonly connection: Connection,
    @Optional() private readonly health?: HealthRegistry,
    @Optional() @Inject(EVENT_SINK) private readonly sink?: EventSink,
  ) {}

  onApplicationBootstrap(): void {
    this.health?.add({
      name: 'store',
      isHealthy: async () => {
        if (this.connection.readyState !== 1 || !this.connection.db) return false;
        await this.connection.db.command({ ping: 1 });
        return true;
      },
    });
    if (this.outboxModels.models.length > 0) {
      if (!this.sink) throw new Error('aggregates with events need an event sink (EVENT_SINK)');
      this.relay.start();
    }
    this.housekeeping.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.housekeeping.stop();
    await this.relay.stop();
  }
}

/** The connection and the store's machinery, visible to every module of the service. */
@Module({})
class StoreCoreModule {}

/**
 * The service's own database and the one way to write it. `forRoot` opens the connection with
 * the store's machinery (turns, claims, the outbox relay, processed messages, housekeeping);
 * `forFeature` gives each aggregate its repository.
 */
@Module({})
export class StoreModule {
  static forRoot(options: StoreOptions): DynamicModule {
    return {
      module: StoreCoreModule,
      global: true,
      imports: [MongooseModule.forRoot(options.url, { dbName: options.dbName, serverSelectionTimeoutMS: 5000, autoIndex: true })],
      providers: [
        OutboxModels,
        { provide: Claims, inject: [getConnectionToken()], useFactory: (connection: Connection) => new Claims(connection) },
        {
          provide: OutboxRelay,
          inject: [OutboxModels, { token: EVENT_SINK, optional: true }],
          useFactory: (outboxModels: OutboxModels, sink?: EventSink) =>
            new OutboxRelay(sink ?? noSink, () => outboxModels.models, { pollIntervalMs: options.outboxPollIntervalMs ?? 1000, batchSize: 100 }, logger),
        },
        {
          provide: DocumentTurns,
          inject: [Claims, OutboxRelay],
          useFactory: (claims: Claims, relay: OutboxRelay) => {
            const turns = new DocumentTurns(claims, (model, id) => relay.nudge(model, id));
            relay.useTurns(turns);
            return turns;
          },
        },
        {
          provide: ProcessedMessages,
          inject: [getConnectionToken(), Claims],
          useFactory: (connection: Connection, claims: Claims) => new ProcessedMessages(connection, claims, options.claimLeaseMs),
        },
        {
          provide: StoreHousekeeping,
          inject: [Claims, ProcessedMessages],
          useFactory: (claims: Claims, processed: ProcessedMessages) => new StoreHousekeeping(claims, processed, logger, DEFAULT_HOUSEKEEPING),
        },
        { provide: OneAtATime, inject: [getConnectionToken(), Claims], useFactory: (connection: Connection, claims: Claims) => new OneAtATime(connection, claims) },
        { provide: FileBuckets, inject: [getConnectionToken()], useFactory: (connection: Connection) => new FileBuckets(connection) },
        StoreLifecycle,
      ],
      exports: [MongooseModule, OutboxModels, Claims, OutboxRelay, DocumentTurns, ProcessedMessages, StoreHousekeeping, OneAtATime, FileBuckets],
    };
  }

  static forFeature(aggregates: Aggregate[]): DynamicModule {
    for (const aggregate of aggregates) prepareSchema(aggregate.schema, aggregate.events ?? false);
    return {
      module: StoreModule,
      imports: [MongooseModule.forFeature(aggregates.map(({ name, schema, collection }) => ({ name, schema, collection })))],
      providers: aggregates.map((aggregate) => ({
        provide: repositoryToken(aggregate.name),
        inject: [getModelToken(aggregate.name), DocumentTurns, Claims, OutboxModels, StoreHousekeeping],
        useFactory: async (model: Model<any>, turns: DocumentTurns, claims: Claims, outboxModels: OutboxModels, housekeeping: StoreHousekeeping) => {
          // Unique indexes must exist before the first insert relies on them.
          await model.init();
          if (aggregate.events) outboxModels.models.push(model);
          if (aggregate.expire) housekeeping.expire(model, aggregate.expire);
          return new Repository(model, turns, claims);
        },
      })),
      exports: aggregates.map((aggregate) => repositoryToken(aggregate.name)),
    };
  }
}

const noSink: EventSink = {
  publish: () => Promise.reject(new Error('no event sink: the service has no broker to relay events to')),
};
