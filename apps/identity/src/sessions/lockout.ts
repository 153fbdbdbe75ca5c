/**
 * When sign-in is refused before any password is checked. Failures are kept by the name typed
 * (whether or not an account has it, so a lock tells nothing about who exists) and by the
 * client address they came from, so that one address cannot lock a college out for others:
 *
 * - a name at one address: five failures within fifteen minutes lock that address out of that
 *   name for fifteen minutes; every further five within a day double the lock (to at most a
 *   day), so one address gets a few dozen guesses a day at a name, not hundreds;
 * - a name everywhere: ten failures within fifteen minutes, from at least three addresses, lock
 *   the name for everyone for fifteen minutes (guessing spread over many addresses);
 * - an address over all names: after ten failures within an hour, each further try waits
 *   fifteen seconds, doubling with each failure, to at most fifteen minutes (trying many names).
 *
 * Tries while refused add no failures. Lists of failures are newest first.
 */
export const FAILURES_BEFORE_LOCK = 5;
export const LOCK_MS = 15 * 60_000;
export const LONGEST_LOCK_MS = 24 * 3600_000;
/** How far back failures of a name are read: repeated locks grow within a day. */
export const FAILURES_KEPT_MS = 24 * 3600_000;

export const NAME_LOCK_FAILURES = 10;
export const NAME_LOCK_ADDRESSES = 3;

export const ADDRESS_FREE_FAILURES = 10;
export const ADDRESS_WINDOW_MS = 3600_000;
export const ADDRESS_FIRST_DELAY_MS = 15_000;
export const ADDRESS_LONGEST_DELAY_MS = 15 * 60_000;

export interface SignInFailure {
  at: Date;
  address: string;
}

export type SignInWait = { code: 'ACCOUNT_LOCKED' | 'LOGIN_THROTTLED'; until: Date };

/** The lock of one name at one address, from that pair's failures of the last day. */
export function pairLockedUntil(failures: Date[], now: Date): Date | null {
  if (failures.length < FAILURES_BEFORE_LOCK) return null;
  const newest = failures[0].getTime();
  if (newest - failures[FAILURES_BEFORE_LOCK - 1].getTime() >= LOCK_MS) return null;
  const rounds = Math.floor(failures.length / FAILURES_BEFORE_LOCK);
  return laterThan(now, newest + Math.min(LOCK_MS * 2 ** (rounds - 1), LONGEST_LOCK_MS));
}

/** The lock of a name for everyone: many failures from several addresses within fifteen minutes. */
export function nameLockedUntil(failures: SignInFailure[], now: Date): Date | null {
  if (failures.length === 0) return null;
  const newest = failures[0].at.getTime();
  const recent = failures.filter((failure) => newest - failure.at.getTime() < LOCK_MS);
  if (recent.length < NAME_LOCK_FAILURES || new Set(recent.map((failure) => failure.address)).size < NAME_LOCK_ADDRESSES) return null;
  return laterThan(now, newest + LOCK_MS);
}

/** The delay an address waits after many failures over any names within the last hour. */
export function addressWaitUntil(failures: Date[], now: Date): Date | null {
  const recent = failures.filter((at) => now.getTime() - at.getTime() < ADDRESS_WINDOW_MS);
  if (recent.length < ADDRESS_FREE_FAILURES) return null;
  const delay = Math.min(ADDRESS_FIRST_DELAY_MS * 2 ** (recent.length - ADDRESS_FREE_FAILURES), ADDRESS_LONGEST_DELAY_MS);
  return laterThan(now, recent[0].getTime() + delay);
}

/**
 * The longest wait that applies to a try at `address` on a name with these failures, or null.
 * `addressFailures` is left empty for an address the per-address delay leaves out.
 */
export function signInWait(nameFailures: SignInFailure[], addressFailures: Date[], address: string, now: Date): SignInWait | null {
  const ofPair = nameFailures.filter((failure) => failure.address === address).map((failure) => failure.at);
  const locks = [pairLockedUntil(ofPair, now), nameLockedUntil(nameFailures, now)].filter((until): until is Date => until !== null);
  if (locks.length) return { code: 'ACCOUNT_LOCKED', until: new Date(Math.max(...locks.map((until) => until.getTime()))) };
  const delayed = addressWaitUntil(addressFailures, now);
  return delayed ? { code: 'LOGIN_THROTTLED', until: delayed } : null;
}

function laterThan(now: Date, until: number): Date | null {
  return now.getTime() < until ? new Date(until) : null;
}
