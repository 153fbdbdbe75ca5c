/**
 * Application windows are set in Beijing time (PLAN_TIME_ZONE), whatever the zone of the browser
 * the reviewer uses. The date picker works in the browser's zone, so the wall-clock values it
 * shows are taken to be Beijing's. China keeps no daylight saving time: the offset is fixed.
 */
const BEIJING_OFFSET = '+08:00';
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * The picked minute as an ISO time in Beijing. The window includes both of its ends, so its
 * last minute is sent with its last second (`:59`) and a window ending at 23:59 is open all of it.
 */
export function beijingIso(picked: Date, seconds: '00' | '59'): string {
  return `${dayOf(picked)}T${pad(picked.getHours())}:${pad(picked.getMinutes())}:${seconds}${BEIJING_OFFSET}`;
}

/** The reverse of `beijingIso`: a stored time shown in the picker as the Beijing wall clock reads it. */
export function beijingWallClock(iso: string): Date {
  const beijing = new Date(new Date(iso).getTime() + BEIJING_OFFSET_MS);
  return new Date(
    beijing.getUTCFullYear(),
    beijing.getUTCMonth(),
    beijing.getUTCDate(),
    beijing.getUTCHours(),
    beijing.getUTCMinutes(),
  );
}

/** The picked day as Beijing's whole day: from its first moment to its last millisecond. */
export function beijingDay(picked: Date): { start: string; end: string } {
  return { start: `${dayOf(picked)}T00:00:00${BEIJING_OFFSET}`, end: `${dayOf(picked)}T23:59:59.999${BEIJING_OFFSET}` };
}

function dayOf(picked: Date): string {
  return `${picked.getFullYear()}-${pad(picked.getMonth() + 1)}-${pad(picked.getDate())}`;
}
