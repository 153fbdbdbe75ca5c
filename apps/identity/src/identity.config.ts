import { Type } from 'class-transformer';
import { IsIn, IsInt, Max, Min, MinLength, Validate, ValidateIf, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { DEV_JWT_SECRET, OwnSecretInProduction } from '@pilot/access-tokens';
import { isStrongPassword } from '@pilot/contracts';
import { StoreServiceConfig } from '@pilot/runtime';

@ValidatorConstraint({ name: 'strongPassword' })
class StrongPassword implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isStrongPassword(value);
  }

  defaultMessage(): string {
    return 'ADMIN_INITIAL_PASSWORD is required in production and must be 8-32 characters with three of: upper case, lower case, digits, symbols';
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
}
