import { PlatformError, type Actor } from '@pilot/contracts';
import { sign } from 'jsonwebtoken';
import { AccessTokens } from './access-tokens';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const reviewer: Actor = { accountId: 'a1', username: 'sd_reviewer', role: 'city_reviewer', provinceCode: '370000', cityCode: '370100' };

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (err) {
    return err instanceof PlatformError ? err.code : 'not a platform error';
  }
  return undefined;
}

describe('access tokens', () => {
  const tokens = new AccessTokens(SECRET);

  it('carry the actor and its scope from signing to checking', () => {
    expect(tokens.verify(tokens.sign(reviewer, 's1', 60))).toEqual({ ...reviewer, sessionId: 's1' });
  });

  it('are refused once expired, with a code that tells the client to refresh', () => {
    const expired = sign({ sub: 'a1', usr: 'x', role: 'admin', sid: 's1' }, SECRET, {
      expiresIn: -10,
      issuer: 'pilot-identity',
      audience: 'pilot-api',
    });
    expect(codeOf(() => tokens.verify(expired))).toBe('TOKEN_EXPIRED');
  });

  it('are refused when signed with another secret, tampered with, or not tokens at all', () => {
    const forged = new AccessTokens(`${SECRET}-other`).sign({ ...reviewer, role: 'admin' }, 's1', 60);
    expect(codeOf(() => tokens.verify(forged))).toBe('UNAUTHENTICATED');
    const [head, , signature] = tokens.sign(reviewer, 's1', 60).split('.');
    const body = Buffer.from(JSON.stringify({ sub: 'a1', usr: 'x', role: 'admin', sid: 's1' })).toString('base64url');
    expect(codeOf(() => tokens.verify(`${head}.${body}.${signature}`))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => tokens.verify('not-a-token'))).toBe('UNAUTHENTICATED');
  });

  it('refuse an unknown role even when properly signed', () => {
    const odd = sign({ sub: 'a1', usr: 'x', role: 'root', sid: 's1' }, SECRET, { issuer: 'pilot-identity', audience: 'pilot-api' });
    expect(codeOf(() => tokens.verify(odd))).toBe('UNAUTHENTICATED');
  });

  it('need a secret of at least 32 characters', () => {
    expect(() => new AccessTokens('short')).toThrow(/at least 32/);
  });
});
