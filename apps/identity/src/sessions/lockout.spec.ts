import { LOCK_MS, lockedUntil } from './lockout';

const t = (minutes: number) => new Date(Date.UTC(2026, 10, 29, 8, 0) + minutes * 60_000);

describe('sign-in lockout', () => {
  it('does not lock after four failures', () => {
    expect(lockedUntil([t(4), t(3), t(2), t(1)], t(5))).toBeNull();
  });

  it('locks for fifteen minutes from the fifth failure', () => {
    const failures = [t(14), t(3), t(2), t(1), t(0)];
    expect(lockedUntil(failures, t(14))).toEqual(new Date(t(14).getTime() + LOCK_MS));
    expect(lockedUntil(failures, t(28.99))).toEqual(t(29));
    expect(lockedUntil(failures, t(29))).toBeNull();
  });

  it('does not lock when the five failures are spread over more than fifteen minutes', () => {
    expect(lockedUntil([t(15), t(3), t(2), t(1), t(0)], t(16))).toBeNull();
  });

  it('lets a failure after the lock start a new count', () => {
    expect(lockedUntil([t(40), t(14), t(3), t(2), t(1)], t(41))).toBeNull();
  });
});
