import type { AccessTokenSigner } from '@pilot/access-tokens';

export const SESSIONS_OPTIONS = Symbol('SESSIONS_OPTIONS');

export interface SessionsOptions {
  tokens: AccessTokenSigner;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
}
