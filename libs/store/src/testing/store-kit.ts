import type { LoggerService } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import mongoose, { type Connection, type Schema } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { Claims } from '../lib/claims';
import { DEFAULT_HOUSEKEEPING, StoreHousekeeping, type Expiry, type HousekeepingOptions } from '../lib/housekeeping';
import { OneAtATime } from '../lib/one-at-a-time';
import { PROCESS_ORIGIN, prepareSchema, type EventSink } from '../lib/outbox';
import { OutboxRelay, type OutboxRelayOptions } from '../lib/outbox-relay';
import { PROCESSED_MESSAGES_COLLECTION, ProcessedMessages } from '../lib/processed-messages';
import { Repository } from '../lib/repository';
import { DocumentTurns } from '../lib/turns';
import type { Model } from 'mongoose';

export const MONGO_URL = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';

/** A database no other test run uses. */
export const testDatabaseName = (prefix: string): string => `${prefix}_${randomBytes(4).toString('hex')}`;

export async function storeFor(dbName: string): Promise<Connection> {
  return mongoose.createConnection(MONGO_URL, { dbName, serverSelectionTimeoutMS: 5000 }).asPromise();
}

const silent: LoggerService = { log: () => undefined, warn: () => undefined, error: () => undefined };

export interface StoreKitOptions {
  sink?: EventSink;
  relay?: Partial<OutboxRelayOptions>;
  /** Another process, as a second replica would write and relay. */
  origin?: string;
  leaseMs?: number;
  housekeeping?: HousekeepingOptions;
  logger?: LoggerService;
}

/** The store's machinery on a plain connection, wired as StoreModule wires it, for specs without Nest. */
export function storeKit(connection: Connection, options: StoreKitOptions = {}) {
  const logger = options.logger ?? silent;
  const models: Model<any>[] = [];
  const claims = new Claims(connection);
  const sink = options.sink ?? { publish: () => Promise.reject(new Error('this kit has no event sink')) };
  const relay = new OutboxRelay(sink, () => models, { pollIntervalMs: 60_000, batchSize: 100, ...options.relay }, logger, options.origin ?? PROCESS_ORIGIN);
  const turns = new DocumentTurns(claims, (model, id) => relay.nudge(model, id), options.origin ?? PROCESS_ORIGIN);
  relay.useTurns(turns);
  const processed = new ProcessedMessages(connection, claims, options.leaseMs);
  const housekeeping = new StoreHousekeeping(claims, processed, logger, options.housekeeping ?? DEFAULT_HOUSEKEEPING);
  return {
    claims,
    relay,
    turns,
    processed,
    housekeeping,
    oneAtATime: new OneAtATime(connection, claims),
    /** The repository of an aggregate, its model compiled here as StoreModule.forFeature would. */
    repository<T>(name: string, schema: Schema, aggregate: { events?: boolean; collection?: string; expire?: Expiry } = {}): Repository<T> {
      prepareSchema(schema, aggregate.events ?? false);
      const model = (connection.models[name] ?? connection.model(name, schema, aggregate.collection)) as Model<any>;
      if (aggregate.events && !models.includes(model)) models.push(model);
      if (aggregate.expire) housekeeping.expire(model, aggregate.expire);
      return new Repository<T>(model as Model<T>, turns, claims);
    },
  };
}

export type StoreKit = ReturnType<typeof storeKit>;

/** Drops the database of a Nest test module built on StoreModule, once its spec is done. */
export async function dropStoreOf(moduleRef: { get<T>(token: unknown): T }): Promise<void> {
  await moduleRef.get<Connection>(getConnectionToken()).dropDatabase();
}

/** Where a consumer of a Nest test module stands with a message: applied, being applied, or not seen. */
export async function messageStateOf(moduleRef: { get<T>(token: unknown): T }, messageId: string): Promise<'done' | 'processing' | null> {
  const record = await moduleRef.get<Connection>(getConnectionToken()).collection(PROCESSED_MESSAGES_COLLECTION).findOne({ messageId });
  return (record?.['state'] as 'done' | 'processing' | undefined) ?? null;
}
