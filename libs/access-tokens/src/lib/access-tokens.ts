import { PlatformError, ROLES, type Actor } from '@pilot/contracts';
import { JsonWebTokenError, TokenExpiredError, sign, verify } from 'jsonwebtoken';

const ISSUER = 'pilot-identity';
const AUDIENCE = 'pilot-api';

interface Claims {
  sub: string;
  usr: string;
  role: Actor['role'];
  col?: string;
  prv?: string;
  cty?: string;
  /** The refresh-token family the token was issued under: changing a password ends the others. */
  sid: string;
}

/**
 * Short-lived access tokens: identity signs them at sign-in and refresh, the gateway checks
 * them on every call. Both hold the same secret; nothing else reads it.
 */
export class AccessTokens {
  constructor(private readonly secret: string) {
    if (secret.length < 32) throw new Error('The access-token secret must be at least 32 characters');
  }

  sign(actor: Actor, sessionId: string, ttlSeconds: number): string {
    const claims: Claims = {
      sub: actor.accountId,
      usr: actor.username,
      role: actor.role,
      sid: sessionId,
      ...(actor.collegeId ? { col: actor.collegeId } : {}),
      ...(actor.provinceCode ? { prv: actor.provinceCode } : {}),
      ...(actor.cityCode ? { cty: actor.cityCode } : {}),
    };
    return sign(claims, this.secret, { algorithm: 'HS256', expiresIn: ttlSeconds, issuer: ISSUER, audience: AUDIENCE });
  }

  /** The actor a token speaks for; TOKEN_EXPIRED or UNAUTHENTICATED when it cannot be trusted. */
  verify(token: string): Actor {
    let claims: Claims;
    try {
      claims = verify(token, this.secret, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE }) as Claims;
    } catch (err) {
      if (err instanceof TokenExpiredError) throw new PlatformError('TOKEN_EXPIRED');
      if (err instanceof JsonWebTokenError) throw new PlatformError('UNAUTHENTICATED');
      throw err;
    }
    if (!claims.sub || !claims.usr || !ROLES.includes(claims.role) || !claims.sid) throw new PlatformError('UNAUTHENTICATED');
    return {
      accountId: claims.sub,
      username: claims.usr,
      role: claims.role,
      sessionId: claims.sid,
      ...(claims.col ? { collegeId: claims.col } : {}),
      ...(claims.prv ? { provinceCode: claims.prv } : {}),
      ...(claims.cty ? { cityCode: claims.cty } : {}),
    };
  }
}
