import { ConfigError, loadConfig } from '@pilot/runtime';
import { IdentityConfig } from './identity.config';

const production = { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-forty-characters!!', ADMIN_INITIAL_PASSWORD: 'Strong-Admin-1' };

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(IdentityConfig, {}, env);
    return [];
  } catch (err) {
    return (err as ConfigError).problems;
  }
}

describe('identity settings', () => {
  it('start a development machine with no secrets set', () => {
    expect(problemsOf({})).toEqual([]);
  });

  it('accept production with its own token secret and a strong admin password', () => {
    expect(problemsOf(production)).toEqual([]);
  });

  it('refuse production with the development token secret, or a short one', () => {
    expect(problemsOf({ ...production, JWT_SECRET: undefined })).toEqual([expect.stringMatching(/^JWT_SECRET: .*own/)]);
    expect(problemsOf({ ...production, JWT_SECRET: 'short' })).toEqual([expect.stringMatching(/^JWT_SECRET: /)]);
  });

  it('refuse production without an admin password, or with a weak one anywhere', () => {
    expect(problemsOf({ ...production, ADMIN_INITIAL_PASSWORD: undefined })).toEqual([expect.stringMatching(/^ADMIN_INITIAL_PASSWORD: /)]);
    expect(problemsOf({ ADMIN_INITIAL_PASSWORD: 'admin' })).toEqual([expect.stringMatching(/^ADMIN_INITIAL_PASSWORD: /)]);
  });

  it('read the addresses the per-address limits leave out, and refuse them in production or unreadable', () => {
    expect(loadConfig(IdentityConfig, {}, { LIMIT_EXEMPT_ADDRESSES: '127.0.0.1,::1,10.0.0.0/8' }).LIMIT_EXEMPT_ADDRESSES).toBe('127.0.0.1,::1,10.0.0.0/8');
    expect(problemsOf({ LIMIT_EXEMPT_ADDRESSES: 'localhost' })).toEqual([expect.stringMatching(/^LIMIT_EXEMPT_ADDRESSES: /)]);
    expect(problemsOf({ ...production, LIMIT_EXEMPT_ADDRESSES: '127.0.0.1' })).toEqual([expect.stringMatching(/^LIMIT_EXEMPT_ADDRESSES: .*production/)]);
  });
});
