import { planStatus } from '@pilot/contracts';
import { checkWindow, windowText } from './plan-window';

describe('a plan window, in Beijing time', () => {
  const window = { startsAt: '2026-04-01T00:00:00+08:00', endsAt: '2026-04-04T23:59:59.999+08:00' };

  it('is not started until its first moment, open through its last, and closed after', () => {
    expect(planStatus(window, new Date('2026-03-31T15:59:59.999Z'))).toBe('not_started');
    expect(planStatus(window, new Date('2026-03-31T16:00:00.000Z'))).toBe('open');
    expect(planStatus(window, new Date('2026-04-04T15:59:59.999Z'))).toBe('open');
    expect(planStatus(window, new Date('2026-04-04T16:00:00.000Z'))).toBe('closed');
  });

  it('is shown as the manual shows it, in Beijing time whatever the offset it was given in', () => {
    expect(windowText(new Date(window.startsAt), new Date(window.endsAt))).toBe('2026-04-01 00:00 ~ 2026-04-04 23:59');
    expect(windowText(new Date('2026-12-31T16:30:00Z'), new Date('2027-01-05T15:59:59Z'))).toBe('2027-01-01 00:30 ~ 2027-01-05 23:59');
  });

  it('refuses a window that ends before it starts, lasts over a year, or opens far from its year', () => {
    const at = (iso: string) => new Date(iso);
    expect(() => checkWindow(2026, at('2026-04-02T00:00:00+08:00'), at('2026-04-01T00:00:00+08:00'))).toThrow(
      expect.objectContaining({ code: 'PLAN_WINDOW_INVALID' }),
    );
    expect(() => checkWindow(2026, at('2026-04-01T00:00:00+08:00'), at('2026-04-01T00:00:00+08:00'))).toThrow(
      expect.objectContaining({ code: 'PLAN_WINDOW_INVALID' }),
    );
    expect(() => checkWindow(2026, at('2026-01-01T00:00:00+08:00'), at('2027-03-01T00:00:00+08:00'))).toThrow(
      expect.objectContaining({ message: '申报时间跨度不能超过一年' }),
    );
    expect(() => checkWindow(2026, at('2024-05-01T00:00:00+08:00'), at('2024-05-10T00:00:00+08:00'))).toThrow(
      expect.objectContaining({ code: 'PLAN_WINDOW_INVALID' }),
    );
    // 00:30 on New Year's Day 2027 in Beijing is still 2026 in UTC: the year counted is Beijing's.
    expect(() => checkWindow(2028, at('2026-12-31T16:30:00Z'), at('2027-01-10T00:00:00+08:00'))).not.toThrow();
    expect(() => checkWindow(2028, at('2026-12-31T15:30:00Z'), at('2027-01-10T00:00:00+08:00'))).toThrow(
      expect.objectContaining({ code: 'PLAN_WINDOW_INVALID' }),
    );
    expect(() => checkWindow(2026, at('2025-12-20T00:00:00+08:00'), at('2026-01-10T00:00:00+08:00'))).not.toThrow();
  });
});
