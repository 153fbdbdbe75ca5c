import { maskPhone, requireRole, type Actor } from './accounts';
import { isStrongPassword } from './password-policy';

describe('the password rule', () => {
  it.each(['Abcdef12', 'abcdef1!', 'ABCDEF1!', 'Abcdefg!', 'Z9#'.repeat(3)])('accepts %s: three kinds of characters, 8 or more', (password) => {
    expect(isStrongPassword(password)).toBe(true);
  });

  it.each([
    ['too short', 'Ab1!xyz'],
    ['too long', `Ab1!${'x'.repeat(29)}`],
    ['only two kinds', 'abcdefgh12'],
    ['a space inside', 'Abc def12'],
  ])('refuses a password that is %s', (_why, password) => {
    expect(isStrongPassword(password)).toBe(false);
  });
});

describe('the owning service\'s role check', () => {
  const college: Actor = { accountId: 'a1', username: '3700000001', role: 'college', collegeId: 'c1' };

  it('passes an actor with one of the roles', () => {
    expect(requireRole(college, 'college', 'admin')).toBe(college);
  });

  it('refuses a request without an actor as unauthenticated, and a wrong role as forbidden', () => {
    expect(() => requireRole(undefined, 'college')).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED', status: 401 }));
    expect(() => requireRole(college, 'admin')).toThrow(expect.objectContaining({ code: 'FORBIDDEN', status: 403 }));
  });
});

describe('masked phones', () => {
  it('show the first three and last four digits only', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('')).toBe('****');
  });
});
