import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PlatformError } from '@pilot/contracts';
import { ACCOUNTS_OPTIONS, type AccountsOptions } from './accounts.options';
import { AccountsService } from './accounts.service';
import { PasswordHasher } from './password-hasher';

export const DEMO_ADMIN_PASSWORD = 'Admin@123456';

/**
 * Makes the `admin` account when there is none, so that a new platform can be administered.
 * Its password comes from the settings; outside production a demo default stands in and is
 * printed, so that whoever started the platform can sign in.
 */
@Injectable()
export class AdminAccountSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminAccount');

  constructor(
    @Inject(ACCOUNTS_OPTIONS) private readonly options: AccountsOptions,
    private readonly accounts: AccountsService,
    private readonly hasher: PasswordHasher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await this.accounts.findByUsername('admin')) return;
    const password = this.options.adminInitialPassword ?? DEMO_ADMIN_PASSWORD;
    try {
      await this.accounts.create(
        { username: 'admin', role: 'admin', passwordHash: await this.hasher.hash(password), mustChangePassword: false, phone: '', displayName: '平台管理员' },
        'USERNAME_TAKEN',
      );
    } catch (err) {
      // Another replica made it at the same moment.
      if (err instanceof PlatformError && err.code === 'USERNAME_TAKEN') return;
      throw err;
    }
    if (this.options.adminInitialPassword) {
      this.logger.log({ msg: 'admin account created', username: 'admin', password: 'from ADMIN_INITIAL_PASSWORD' });
    } else {
      this.logger.warn({ msg: 'admin account created with the demo password; set ADMIN_INITIAL_PASSWORD to choose one', username: 'admin', password });
    }
  }
}
