import type { Actor } from '@pilot/contracts';
import { sign, verify } from 'jsonwebtoken';
import { ACCESS_TOKEN_FORMAT, AccessTokenSigner, holderOf, type AccessClaims } from './access-tokens';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const reviewer: Actor & { sessionId: string } = { accountId: 'a1', username: 'sd_reviewer', role: 'city_reviewer', provinceCode: '370000', cityCode: '370100', sessionId: 's1' };

const claimsOf = (token: string) =>
  verify(token, SECRET, { algorithms: [ACCESS_TOKEN_FORMAT.algorithm], issuer: ACCESS_TOKEN_FORMAT.issuer, audience: ACCESS_TOKEN_FORMAT.audience }) as AccessClaims;

describe('access tokens', () => {
  const signer = new AccessTokenSigner(SECRET);

  it('carry the actor, its scope, its session version and the first-password-change mark from signing to reading', () => {
    const holder = { actor: reviewer, sessionVersion: 3, mustChangePassword: true };
    expect(holderOf(claimsOf(signer.sign(holder, 60)))).toEqual(holder);
    const changed = { actor: reviewer, sessionVersion: 4, mustChangePassword: false };
    const claims = claimsOf(signer.sign(changed, 60));
    expect(claims.mcp).toBeUndefined();
    expect(holderOf(claims)).toEqual(changed);
  });

  it('are signed with HS256 for the platform’s API, to expire after the time given', () => {
    const token = signer.sign({ actor: reviewer, sessionVersion: 0, mustChangePassword: false }, 60);
    expect(JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = claimsOf(token) as AccessClaims & { exp: number; iat: number };
    expect(claims.exp - claims.iat).toBe(60);
  });

  it('name no holder when a claim is missing or wrong, even when properly signed', () => {
    const good = { sub: 'a1', usr: 'x', role: 'admin', sid: 's1', sv: 0 };
    for (const wrong of [{ role: 'root' }, { sub: '' }, { sid: undefined }, { usr: 7 }, { sv: -1 }, { sv: 1.5 }, { sv: '2' }]) {
      expect([wrong, holderOf({ ...good, ...wrong })]).toEqual([wrong, null]);
    }
  });

  it('read a token from before session versions as older than any version', () => {
    const old = claimsOf(sign({ sub: 'a1', usr: 'x', role: 'admin', sid: 's1' }, SECRET, { issuer: 'pilot-identity', audience: 'pilot-api' }));
    expect(holderOf(old)?.sessionVersion).toBe(-1);
  });

  it('need a secret of at least 32 characters', () => {
    expect(() => new AccessTokenSigner('short')).toThrow(/at least 32/);
  });
});
