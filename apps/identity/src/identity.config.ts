import { IsIn } from 'class-validator';
import { StoreServiceConfig } from '@pilot/runtime';

export class IdentityConfig extends StoreServiceConfig {
  /** 1 loads the demo college directory at start-up (never meant for production). */
  @IsIn(['0', '1'])
  SEED_DEMO_DATA: '0' | '1' = '0';
}
