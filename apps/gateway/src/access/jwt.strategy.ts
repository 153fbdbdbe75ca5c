import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ACCESS_TOKEN_FORMAT, holderOf, type AccessClaims, type TokenHolder } from '@pilot/access-tokens';
import { PlatformError } from '@pilot/contracts';
import { ExtractJwt, Strategy } from 'passport-jwt';

export const ACCESS_TOKEN_SECRET = Symbol('ACCESS_TOKEN_SECRET');

/**
 * Checks the access token of a request: a bearer token in the Authorization header, signed by
 * identity with the shared secret (HS256 only), for this API, not expired. Its claims must name
 * a holder; revocation and roles are the access guard's business.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(ACCESS_TOKEN_SECRET) secret: string) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: secret,
      algorithms: [ACCESS_TOKEN_FORMAT.algorithm],
      issuer: ACCESS_TOKEN_FORMAT.issuer,
      audience: ACCESS_TOKEN_FORMAT.audience,
      ignoreExpiration: false,
    });
  }

  validate(claims: Partial<Record<keyof AccessClaims, unknown>>): TokenHolder {
    const holder = holderOf(claims);
    if (!holder) throw new PlatformError('UNAUTHENTICATED');
    return holder;
  }
}
