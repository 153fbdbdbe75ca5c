import { decideSend, shanghaiDay } from './send-allowance';

const at = (iso: string) => new Date(iso);

describe('how often an SMS code may be sent', () => {
  it('allows the first code of the day', () => {
    expect(decideSend(null, at('2026-11-29T02:00:00Z'))).toEqual({ allowed: true, sentToday: 1, day: '2026-11-29' });
  });

  it('refuses a second code within 60 seconds, and allows it after', () => {
    const history = { lastSentAt: at('2026-11-29T02:00:00Z'), day: '2026-11-29', sentToday: 1 };
    expect(decideSend(history, at('2026-11-29T02:00:59.999Z'))).toEqual({ allowed: false, reason: 'SMS_TOO_SOON' });
    expect(decideSend(history, at('2026-11-29T02:01:00Z'))).toEqual({ allowed: true, sentToday: 2, day: '2026-11-29' });
  });

  it('refuses the eleventh code of a day', () => {
    const history = { lastSentAt: at('2026-11-29T02:00:00Z'), day: '2026-11-29', sentToday: 10 };
    expect(decideSend(history, at('2026-11-29T05:00:00Z'))).toEqual({ allowed: false, reason: 'SMS_DAILY_LIMIT' });
  });

  it('starts a new day at midnight in Asia/Shanghai, not UTC', () => {
    const history = { lastSentAt: at('2026-11-29T15:50:00Z'), day: '2026-11-29', sentToday: 10 };
    expect(shanghaiDay(at('2026-11-29T15:59:59Z'))).toBe('2026-11-29');
    expect(shanghaiDay(at('2026-11-29T16:00:00Z'))).toBe('2026-11-30');
    expect(decideSend(history, at('2026-11-29T16:00:00Z'))).toEqual({ allowed: true, sentToday: 1, day: '2026-11-30' });
  });
});
