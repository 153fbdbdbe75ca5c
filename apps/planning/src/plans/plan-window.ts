import { PLAN_TIME_ZONE, PlatformError } from '@pilot/contracts';

const MAX_WINDOW_MS = 366 * 24 * 60 * 60_000;

const beijingTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: PLAN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "2020-04-01 00:00", in Beijing time whatever the server's zone. */
export function formatPlanTime(at: Date): string {
  const part = Object.fromEntries(beijingTime.formatToParts(at).map(({ type, value }) => [type, value]));
  return `${part['year']}-${part['month']}-${part['day']} ${part['hour']}:${part['minute']}`;
}

export function windowText(startsAt: Date, endsAt: Date): string {
  return `${formatPlanTime(startsAt)} ~ ${formatPlanTime(endsAt)}`;
}

/** The year a moment falls in, in Beijing time. */
export function beijingYear(at: Date): number {
  return Number(formatPlanTime(at).slice(0, 4));
}

/** A window ends after it starts, lasts at most a year, and opens in (or just before) the plan's year. */
export function checkWindow(year: number, startsAt: Date, endsAt: Date): void {
  if (Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime())) throw new PlatformError('PLAN_WINDOW_INVALID', '申报时间格式不正确');
  if (endsAt.getTime() <= startsAt.getTime()) throw new PlatformError('PLAN_WINDOW_INVALID');
  if (endsAt.getTime() - startsAt.getTime() > MAX_WINDOW_MS) throw new PlatformError('PLAN_WINDOW_INVALID', '申报时间跨度不能超过一年');
  const startYear = beijingYear(startsAt);
  if (startYear !== year && startYear !== year - 1) {
    throw new PlatformError('PLAN_WINDOW_INVALID', `${year}年度的申报计划，申报开始时间应在${year - 1}年或${year}年内`);
  }
}
