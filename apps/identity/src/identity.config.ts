import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  Max,
  Min,
  MinLength,
  Validate,
  ValidateIf,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { DEV_JWT_SECRET, OwnSecretInProduction } from '@pilot/access-tokens';
import { isStrongPassword } from '@pilot/contracts';
import { StoreServiceConfig } from '@pilot/runtime';
import { parseAddressList } from './client-addresses/client-address';

@ValidatorConstraint({ name: 'strongPassword' })
class StrongPassword implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isStrongPassword(value);
  }

  defaultMessage(): string {
    return 'ADMIN_INITIAL_PASSWORD is required in production and must be 8-32 characters with three of: upper case, lower case, digits, symbols';
  }
}

@ValidatorConstraint({ name: 'exemptAddresses' })
class ExemptAddressList implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    if (typeof value !== 'string') return false;
    if (value.trim() && (args.object as IdentityConfig).NODE_ENV === 'production') return false;
    return parseAddressList(value).invalid.length === 0;
  }

  defaultMessage(): string {
    return 'LIMIT_EXEMPT_ADDRESSES must list IP addresses or CIDR ranges, comma-separated, and is refused when NODE_ENV=production';
  }
}

export class IdentityConfig extends StoreServiceConfig {
  /** 1 loads the demo college directory at start-up (never meant for production). */
  @IsIn(['0', '1'])
  SEED_DEMO_DATA: '0' | '1' = '0';

  /** Signs access tokens; the gateway checks them with the same value. */
  @MinLength(32)
  @Validate(OwnSecretInProduction)
  JWT_SECRET = DEV_JWT_SECRET;

  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Type(() => Number)
  @IsInt()
  @Min(3600)
  @Max(90 * 86400)
  REFRESH_TOKEN_TTL_SECONDS = 7 * 86400;

  /**
   * The password of the `admin` account made when there is none. Required in production;
   * elsewhere a demo default is used and printed at start-up.
   */
  @ValidateIf((config: IdentityConfig) => config.NODE_ENV === 'production' || config.ADMIN_INITIAL_PASSWORD !== undefined)
  @Validate(StrongPassword)
  ADMIN_INITIAL_PASSWORD?: string;

  /**
   * Client addresses the per-address limits (SMS sending, the sign-in delay) leave out: the
   * machine the automated tests run on, whose every request comes from one address. Refused in
   * production; the limits per phone and per account name still apply to these addresses.
   */
  @Validate(ExemptAddressList)
  LIMIT_EXEMPT_ADDRESSES = '';
}
