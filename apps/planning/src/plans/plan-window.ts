import { PlatformError, beijingMinute, beijingYear } from '@pilot/contracts';

const MAX_WINDOW_MS = 366 * 24 * 60 * 60_000;

/** The window as the manual shows it, in Beijing time: "2020-04-01 00:00 ~ 2020-04-04 23:59". */
export function windowText(startsAt: Date, endsAt: Date): string {
  return `${beijingMinute(startsAt)} ~ ${beijingMinute(endsAt)}`;
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
