import { isStrongPassword } from '@pilot/contracts';
import { initialPassword } from './initial-password';

describe('initial passwords sent by SMS', () => {
  const samples = Array.from({ length: 500 }, () => initialPassword());

  it('always meet the password rule, with every kind of character', () => {
    for (const password of samples) {
      expect(password).toHaveLength(12);
      expect(isStrongPassword(password)).toBe(true);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/\d/);
      expect(password).toMatch(/[^A-Za-z\d]/);
    }
  });

  it('leave out characters that are easy to misread', () => {
    expect(samples.join('')).not.toMatch(/[0O1lI]/);
  });

  it('do not repeat', () => {
    expect(new Set(samples).size).toBe(samples.length);
  });
});
