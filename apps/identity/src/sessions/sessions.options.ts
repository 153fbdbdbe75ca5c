import type { AccessTokens } from '@pilot/access-tokens';

export const SESSIONS_OPTIONS = Symbol('SESSIONS_OPTIONS');

export interface SessionsOptions {
  tokens: AccessTokens;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
}
