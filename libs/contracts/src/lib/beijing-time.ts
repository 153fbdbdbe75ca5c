import { PLAN_TIME_ZONE } from './planning';

const beijingClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: PLAN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "2020-04-01 00:00": a moment as the Beijing clock reads it, whatever the zone of the machine. */
export function beijingMinute(at: Date | string): string {
  const part = Object.fromEntries(beijingClock.formatToParts(new Date(at)).map(({ type, value }) => [type, value]));
  return `${part['year']}-${part['month']}-${part['day']} ${part['hour']}:${part['minute']}`;
}

/** The year a moment falls in, in Beijing (on New Year's Eve evening in Europe, Beijing is already in the next). */
export function beijingYear(at: Date | string = new Date()): number {
  return Number(beijingMinute(at).slice(0, 4));
}
