import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Account, AccountSchema } from './account.schema';
import { ACCOUNTS_OPTIONS, type AccountsOptions } from './accounts.options';
import { AccountsService } from './accounts.service';
import { AdminAccountSeeder } from './admin-account.seeder';
import { PasswordHasher } from './password-hasher';

@Module({})
export class AccountsModule {
  static register(options: AccountsOptions): DynamicModule {
    // Global: sign-in, registration, passwords, reviewers and the directory all read accounts.
    return {
      module: AccountsModule,
      global: true,
      imports: [MongooseModule.forFeature([{ name: Account.name, schema: AccountSchema }])],
      providers: [{ provide: ACCOUNTS_OPTIONS, useValue: options }, AccountsService, PasswordHasher, AdminAccountSeeder],
      exports: [AccountsService, PasswordHasher],
    };
  }
}
