import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  Validate,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';

@ValidatorConstraint({ name: 'devToolsOutsideProduction' })
class DevToolsOutsideProduction implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    return !(value === '1' && (args.object as ServiceConfig).NODE_ENV === 'production');
  }

  defaultMessage(): string {
    return 'DEV_TOOLS=1 is refused when NODE_ENV=production';
  }
}

/** Settings every service reads from its environment; each service extends it with its own. */
export class ServiceConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Matches(/^amqps?:\/\//, { message: 'AMQP_URL must be an amqp:// or amqps:// URL' })
  AMQP_URL = 'amqp://guest:guest@127.0.0.1:5672';

  @IsString()
  EVENTS_EXCHANGE = 'platform.events';

  @IsIn(['classic', 'quorum'])
  AMQP_QUEUE_TYPE: 'classic' | 'quorum' = 'classic';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  AMQP_PREFETCH = 20;

  /**
   * How long a replica that took an event may take before another replica may apply it
   * instead: what a killed replica's events wait before they are applied elsewhere.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  MESSAGE_CLAIM_LEASE_MS = 60_000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'verbose'])
  LOG_LEVEL = 'info';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  HTTP_PORT = 3000;

  @IsOptional()
  @IsString()
  HTTP_HOST?: string;

  /** 1 opens the development-only routes (captcha answers, SMS inbox); never in production. */
  @IsIn(['0', '1'])
  @Validate(DevToolsOutsideProduction)
  DEV_TOOLS: '0' | '1' = '0';
}

/** Settings of a service that owns a store. */
export class StoreServiceConfig extends ServiceConfig {
  @Matches(/^mongodb(\+srv)?:\/\//, { message: 'MONGO_URL must be a mongodb:// URL' })
  MONGO_URL = 'mongodb://127.0.0.1:27017';

  /** Each service overrides this default with its own name: one database per service. */
  @Matches(/^[A-Za-z0-9_-]{1,63}$/, { message: 'MONGO_DB must be a plain database name' })
  MONGO_DB = 'platform';
}
