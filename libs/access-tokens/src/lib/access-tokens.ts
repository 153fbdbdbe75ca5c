import { ROLES, type Actor } from '@pilot/contracts';
import { sign } from 'jsonwebtoken';

/** How identity signs access tokens, and what the gateway accepts. */
export const ACCESS_TOKEN_FORMAT = { issuer: 'pilot-identity', audience: 'pilot-api', algorithm: 'HS256' } as const;

/** An access token's claims, as identity signs them and the gateway reads them. */
export interface AccessClaims {
  sub: string;
  usr: string;
  role: Actor['role'];
  col?: string;
  prv?: string;
  cty?: string;
  /** The refresh-token family the token was issued under: changing a password ends the others. */
  sid: string;
  /** The account's session version at issue: a token below the account's current one is revoked. */
  sv: number;
  /** The password was chosen by someone else: nothing but changing it is allowed. */
  mcp?: true;
}

/** What a token says about its holder, beyond the signature. */
export interface TokenHolder {
  actor: Actor & { sessionId: string };
  sessionVersion: number;
  mustChangePassword: boolean;
}

/**
 * Short-lived access tokens: identity signs them at sign-in, refresh and password change; the
 * gateway checks them on every call (its passport strategy). Both hold the same secret.
 */
export class AccessTokenSigner {
  constructor(private readonly secret: string) {
    if (secret.length < 32) throw new Error('The access-token secret must be at least 32 characters');
  }

  sign({ actor, sessionVersion, mustChangePassword }: TokenHolder, ttlSeconds: number): string {
    const claims: AccessClaims = {
      sub: actor.accountId,
      usr: actor.username,
      role: actor.role,
      sid: actor.sessionId,
      sv: sessionVersion,
      ...(actor.collegeId ? { col: actor.collegeId } : {}),
      ...(actor.provinceCode ? { prv: actor.provinceCode } : {}),
      ...(actor.cityCode ? { cty: actor.cityCode } : {}),
      ...(mustChangePassword ? { mcp: true as const } : {}),
    };
    const { issuer, audience, algorithm } = ACCESS_TOKEN_FORMAT;
    return sign(claims, this.secret, { algorithm, expiresIn: ttlSeconds, issuer, audience });
  }
}

/**
 * The holder the claims of a verified token name; null when they name none (an unknown role,
 * no account or session). A token signed before session versions existed reads as older than
 * any version, so it is refused as revoked and its holder refreshes it.
 */
export function holderOf(claims: Partial<Record<keyof AccessClaims, unknown>>): TokenHolder | null {
  const { sub, usr, role, sid, sv, col, prv, cty, mcp } = claims;
  if (!isText(sub) || !isText(usr) || !isText(sid) || !ROLES.includes(role as Actor['role'])) return null;
  if (sv !== undefined && !(Number.isInteger(sv) && (sv as number) >= 0)) return null;
  return {
    actor: {
      accountId: sub,
      username: usr,
      role: role as Actor['role'],
      sessionId: sid,
      ...(isText(col) ? { collegeId: col } : {}),
      ...(isText(prv) ? { provinceCode: prv } : {}),
      ...(isText(cty) ? { cityCode: cty } : {}),
    },
    sessionVersion: sv === undefined ? -1 : (sv as number),
    mustChangePassword: mcp === true,
  };
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}
