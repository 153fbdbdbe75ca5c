import { DynamicModule, Module } from '@nestjs/common';
import { StoreModule } from '@pilot/store';
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
      // Accounts announce a college's registration through their outbox.
      imports: [StoreModule.forFeature([{ name: Account.name, schema: AccountSchema, events: true }])],
      providers: [{ provide: ACCOUNTS_OPTIONS, useValue: options }, AccountsService, PasswordHasher, AdminAccountSeeder],
      exports: [AccountsService, PasswordHasher],
    };
  }
}
