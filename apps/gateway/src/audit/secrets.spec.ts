import { REDACTED, secretsOf, withoutSecrets } from './secrets';

describe('secrets an audit entry must never hold', () => {
  it('are the passwords, codes, captcha answers and tokens a call carried, in its body, its answer or its bearer token', () => {
    const body = { username: 'reviewer1', password: 'Initial#2026', captchaAnswer: 'x7k2q9', smsCode: '123456', nested: { newPassword: 'Changed#2026' } };
    const answer = { accessToken: 'eyJhbGciOi.access', refreshToken: 'refresh-secret-value', user: { id: 'a1', username: 'reviewer1' } };
    expect(secretsOf(body, answer, 'Bearer eyJ.bearer.token').sort()).toEqual(
      ['Initial#2026', 'x7k2q9', '123456', 'Changed#2026', 'eyJhbGciOi.access', 'refresh-secret-value', 'eyJ.bearer.token'].sort(),
    );
  });

  it('leave out ordinary fields and values too short to be a secret', () => {
    expect(secretsOf({ username: 'reviewer1', name: '2026年第一次', captchaAnswer: 'ab1' }, undefined, undefined)).toEqual([]);
    expect(secretsOf(undefined, null, 'Basic dXNlcjpwYXNz')).toEqual([]);
  });

  it('are blanked wherever a field of the entry holds one, and the entry says it was', () => {
    const entry = { actorName: 'reviewer1', summary: '初始密码 Initial#2026 已发送', at: new Date(0) };
    const { record, redacted } = withoutSecrets(entry, ['Initial#2026']);
    expect(record).toEqual({ actorName: 'reviewer1', summary: `初始密码 ${REDACTED} 已发送`, at: new Date(0) });
    expect(redacted).toBe(true);
    expect(withoutSecrets(entry, ['nothing-like-it']).redacted).toBe(false);
  });
});
