import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { MongooseModule, getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { HealthRegistry } from './health/health-indicator';

export interface StoreOptions {
  url: string;
  dbName: string;
}

/** The service's own database, with its health reported for readiness. */
@Module({})
export class StoreModule implements OnModuleInit {
  static forRoot(options: StoreOptions): DynamicModule {
    return {
      module: StoreModule,
      imports: [
        MongooseModule.forRoot(options.url, {
          dbName: options.dbName,
          serverSelectionTimeoutMS: 5000,
          autoIndex: true,
        }),
      ],
      exports: [MongooseModule],
    };
  }

  constructor(
    @Inject(getConnectionToken()) private readonly connection: Connection,
    private readonly health: HealthRegistry,
  ) {}

  onModuleInit(): void {
    this.health.add({
      name: 'store',
      isHealthy: async () => {
        if (this.connection.readyState !== 1 || !this.connection.db) return false;
        await this.connection.db.command({ ping: 1 });
        return true;
      },
    });
  }
}
