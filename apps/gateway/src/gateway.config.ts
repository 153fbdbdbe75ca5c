import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min, MinLength, Validate } from 'class-validator';
import { DEV_JWT_SECRET, OwnSecretInProduction } from '@pilot/access-tokens';
import { StoreServiceConfig } from '@pilot/runtime';
import { TrustedProxyList } from './http/trusted-proxies';

/** The gateway's store holds only uploads (evidence files), never domain data. */
export class GatewayConfig extends StoreServiceConfig {
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(120_000)
  RPC_TIMEOUT_MS = 10_000;

  @Matches(/^\d+(kb|mb)$/, { message: 'BODY_LIMIT must look like 100kb or 1mb' })
  BODY_LIMIT = '1mb';

  /**
   * The proxies in front of the gateway (the front ends' nginx, the Ingress controller), as
   * addresses or CIDR networks, comma-separated: X-Forwarded-For is believed only as far as they
   * wrote it. Empty (no proxy): the peer of the connection is the client.
   */
  @Validate(TrustedProxyList)
  TRUSTED_PROXIES = '';

  /** Requests per client address and minute before 429. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE = 600;

  /** Checks access tokens; identity signs them with the same value. */
  @MinLength(32)
  @Validate(OwnSecretInProduction)
  JWT_SECRET = DEV_JWT_SECRET;

  /**
   * How long the gateway trusts its copy of an account's session version before asking identity
   * again; identity's events update the copies at once, so this bounds only a missed event.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60_000)
  SESSION_VERSION_CACHE_MS = 5000;

  @IsString()
  PUBLIC_BASE_URL = 'http://127.0.0.1:3000';
}
