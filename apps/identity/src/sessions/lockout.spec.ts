import { ADDRESS_WINDOW_MS, LOCK_MS, addressWaitUntil, nameLockedUntil, pairLockedUntil, signInWait, type SignInFailure } from './lockout';

const t = (minutes: number) => new Date(Date.UTC(2026, 10, 29, 8, 0) + minutes * 60_000);
const newestFirst = (minutes: number[]) => [...minutes].sort((a, b) => b - a).map(t);
const from = (address: string, minutes: number[]): SignInFailure[] => newestFirst(minutes).map((at) => ({ at, address }));
const merged = (...lists: SignInFailure[][]) => lists.flat().sort((a, b) => b.at.getTime() - a.at.getTime());

describe('sign-in lockout of a name at one address', () => {
  it('does not lock after four failures', () => {
    expect(pairLockedUntil(newestFirst([1, 2, 3, 4]), t(5))).toBeNull();
  });

  it('locks for fifteen minutes from the fifth failure', () => {
    const failures = newestFirst([0, 1, 2, 3, 14]);
    expect(pairLockedUntil(failures, t(14))).toEqual(new Date(t(14).getTime() + LOCK_MS));
    expect(pairLockedUntil(failures, t(28.99))).toEqual(t(29));
    expect(pairLockedUntil(failures, t(29))).toBeNull();
  });

  it('does not lock when the five failures are spread over more than fifteen minutes', () => {
    expect(pairLockedUntil(newestFirst([0, 1, 2, 3, 15]), t(16))).toBeNull();
  });

  it('lets a failure after the lock start a new count', () => {
    expect(pairLockedUntil(newestFirst([1, 2, 3, 14, 40]), t(41))).toBeNull();
  });

  it('doubles the lock with every further five failures within the day, up to a day', () => {
    expect(pairLockedUntil(newestFirst([0, 1, 2, 3, 4, 30, 31, 32, 33, 34]), t(35))).toEqual(t(34 + 30));
    const manyRounds = Array.from({ length: 60 }, (_, i) => i * 0.1);
    expect(pairLockedUntil(newestFirst(manyRounds), t(10))).toEqual(new Date(t(5.9).getTime() + 24 * 3600_000));
  });
});

describe('sign-in lockout of a name for everyone', () => {
  it('locks a name for fifteen minutes after ten failures within fifteen minutes from three addresses', () => {
    const failures = merged(from('198.51.100.1', [0, 1, 2, 3]), from('198.51.100.2', [4, 5, 6]), from('198.51.100.3', [7, 8, 9]));
    expect(nameLockedUntil(failures, t(9))).toEqual(t(24));
    expect(nameLockedUntil(failures, t(24))).toBeNull();
  });

  it('does not lock a name for everyone when the failures come from one or two addresses, however many', () => {
    const two = merged(from('198.51.100.1', [0, 1, 2, 3, 4, 5, 6]), from('198.51.100.2', [7, 8, 9, 10, 11]));
    expect(nameLockedUntil(two, t(12))).toBeNull();
    expect(nameLockedUntil(from('198.51.100.1', Array.from({ length: 30 }, (_, i) => i * 0.2)), t(6))).toBeNull();
  });

  it('does not lock when the failures of three addresses are spread over more than fifteen minutes', () => {
    const spread = merged(from('198.51.100.1', [0, 1, 2, 3]), from('198.51.100.2', [4, 5, 6]), from('198.51.100.3', [7, 8, 16]));
    expect(nameLockedUntil(spread, t(16))).toBeNull();
  });
});

describe('the delay of an address that fails on many names', () => {
  const minutes = (count: number) => newestFirst(Array.from({ length: count }, (_, i) => i));

  it('lets an address fail ten times in an hour without waiting', () => {
    expect(addressWaitUntil(minutes(9), t(9))).toBeNull();
  });

  it('makes the next try wait fifteen seconds after the tenth failure, doubling with each one, to at most fifteen minutes', () => {
    expect(addressWaitUntil(minutes(10), t(9))).toEqual(new Date(t(9).getTime() + 15_000));
    expect(addressWaitUntil(minutes(12), t(11))).toEqual(new Date(t(11).getTime() + 60_000));
    expect(addressWaitUntil(minutes(30), t(29))).toEqual(t(29 + 15));
  });

  it('forgets failures older than an hour', () => {
    const old = newestFirst(Array.from({ length: 12 }, (_, i) => i * 0.1));
    expect(addressWaitUntil(old, new Date(t(0).getTime() + ADDRESS_WINDOW_MS + 60_000))).toBeNull();
  });
});

describe('the wait of a try', () => {
  it('keeps one address out of a name it failed five times on, and lets another address in', () => {
    const failures = from('198.51.100.1', [0, 1, 2, 3, 4]);
    expect(signInWait(failures, [], '198.51.100.1', t(5))).toEqual({ code: 'ACCOUNT_LOCKED', until: t(19) });
    expect(signInWait(failures, [], '198.51.100.2', t(5))).toBeNull();
  });

  it('names the address delay when no lock applies', () => {
    expect(signInWait([], newestFirst(Array.from({ length: 10 }, (_, i) => i)), '198.51.100.1', t(9))).toEqual({
      code: 'LOGIN_THROTTLED',
      until: new Date(t(9).getTime() + 15_000),
    });
  });
});
