export const FAILURES_BEFORE_LOCK = 5;
export const LOCK_MS = 15 * 60_000;

/**
 * Five failures within fifteen minutes lock the name for fifteen minutes from the last of
 * them. Tries while locked are refused before any password check and add no failures, so the
 * newest five are the ones that locked it. `failures` are failure times, newest first.
 */
export function lockedUntil(failures: Date[], now: Date): Date | null {
  if (failures.length < FAILURES_BEFORE_LOCK) return null;
  const newest = failures[0].getTime();
  const fifth = failures[FAILURES_BEFORE_LOCK - 1].getTime();
  if (newest - fifth >= LOCK_MS || now.getTime() - newest >= LOCK_MS) return null;
  return new Date(newest + LOCK_MS);
}
