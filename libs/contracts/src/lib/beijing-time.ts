import { PLAN_TIME_ZONE } from './planning';

const beijingClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: PLAN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "2020-04-01 00:00": a moment as the Beijing clock reads it, whatever the zone of the machine. */
export function beijingMinute(at: Date | string): string {
  const part = beijingParts(at);
  return `${part['year']}-${part['month']}-${part['day']} ${part['hour']}:${part['minute']}`;
}

/** "2020-04-01 00:00:05": to the second, for records of who did what when. */
export function beijingSecond(at: Date | string): string {
  const part = beijingParts(at);
  return `${part['year']}-${part['month']}-${part['day']} ${part['hour']}:${part['minute']}:${part['second']}`;
}

/** The year a moment falls in, in Beijing (on New Year's Eve evening in Europe, Beijing is already in the next). */
export function beijingYear(at: Date | string = new Date()): number {
  return Number(beijingMinute(at).slice(0, 4));
}

function beijingParts(at: Date | string): Record<string, string> {
  return Object.fromEntries(beijingClock.formatToParts(new Date(at)).map(({ type, value }) => [type, value]));
}
