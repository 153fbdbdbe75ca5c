import {
  ADDRESS_SENDS_PER_DAY,
  decideAddressSend,
  decideRecipientSend,
  secondsUntilNextDay,
  shanghaiDay,
  type AddressSendHistory,
} from './send-allowance';

const at = (iso: string) => new Date(iso);

describe('how often an SMS code may go to one phone, whatever its purpose', () => {
  it('allows the first code of the day', () => {
    expect(decideRecipientSend(null, at('2026-11-29T02:00:00Z'))).toEqual({
      allowed: true,
      set: { lastSentAt: at('2026-11-29T02:00:00Z'), sentToday: 1, day: '2026-11-29' },
    });
  });

  it('refuses a second code within 60 seconds, saying how many seconds are left, and allows it after', () => {
    const history = { lastSentAt: at('2026-11-29T02:00:00Z'), day: '2026-11-29', sentToday: 1 };
    expect(decideRecipientSend(history, at('2026-11-29T02:00:20Z'))).toEqual({ allowed: false, code: 'SMS_TOO_SOON', retryAfterSeconds: 40 });
    expect(decideRecipientSend(history, at('2026-11-29T02:00:59.999Z'))).toMatchObject({ allowed: false, code: 'SMS_TOO_SOON' });
    expect(decideRecipientSend(history, at('2026-11-29T02:01:00Z'))).toMatchObject({ allowed: true, set: { sentToday: 2 } });
  });

  it('lets the next code follow at once when the last one was used: its holder has the phone', () => {
    const history = { lastSentAt: at('2026-11-29T02:00:00Z'), lastUsedAt: at('2026-11-29T02:00:30Z'), day: '2026-11-29', sentToday: 1 };
    expect(decideRecipientSend(history, at('2026-11-29T02:00:31Z'))).toMatchObject({ allowed: true, set: { sentToday: 2 } });
    const usedAnEarlierOne = { ...history, lastUsedAt: at('2026-11-29T01:59:00Z') };
    expect(decideRecipientSend(usedAnEarlierOne, at('2026-11-29T02:00:31Z'))).toMatchObject({ allowed: false, code: 'SMS_TOO_SOON' });
  });

  it('refuses the eleventh code of a day until midnight in Beijing, used or not', () => {
    const history = { lastSentAt: at('2026-11-29T02:00:00Z'), lastUsedAt: at('2026-11-29T02:00:10Z'), day: '2026-11-29', sentToday: 10 };
    expect(decideRecipientSend(history, at('2026-11-29T05:00:00Z'))).toEqual({ allowed: false, code: 'SMS_DAILY_LIMIT', retryAfterSeconds: 11 * 3600 });
  });

  it('starts a new day at midnight in Asia/Shanghai, not UTC', () => {
    const history = { lastSentAt: at('2026-11-29T15:50:00Z'), day: '2026-11-29', sentToday: 10 };
    expect(shanghaiDay(at('2026-11-29T15:59:59Z'))).toBe('2026-11-29');
    expect(shanghaiDay(at('2026-11-29T16:00:00Z'))).toBe('2026-11-30');
    expect(secondsUntilNextDay(at('2026-11-29T15:59:00Z'))).toBe(60);
    expect(decideRecipientSend(history, at('2026-11-29T16:00:00Z'))).toMatchObject({ allowed: true, set: { sentToday: 1, day: '2026-11-30' } });
  });
});

describe('how many SMS codes one client address may ask for', () => {
  const minute = (m: number) => new Date(Date.UTC(2026, 10, 29, 2, 0) + m * 60_000);

  /** The history after requests at these minutes, each allowed. */
  function after(minutes: number[]): AddressSendHistory {
    let history: AddressSendHistory | null = null;
    for (const m of minutes) {
      const decision = decideAddressSend(history, minute(m));
      if (!decision.allowed) throw new Error(`refused at minute ${m}`);
      history = decision.set;
    }
    return history ?? {};
  }

  it('allows five in ten minutes and refuses the sixth until the oldest of them is ten minutes old', () => {
    const history = after([0, 1, 2, 3, 4]);
    expect(decideAddressSend(history, minute(5))).toEqual({ allowed: false, code: 'SMS_ADDRESS_LIMIT', retryAfterSeconds: 300 });
    expect(decideAddressSend(history, minute(10))).toMatchObject({ allowed: true, set: { sentToday: 6 } });
  });

  it('keeps only the requests that can still count, so the record stays small', () => {
    const history = after([0, 1, 2, 3, 4, 11, 12]);
    expect(history.recent).toEqual([minute(3), minute(4), minute(11), minute(12)]);
  });

  it('refuses the thirty-first of a Beijing day until midnight, however spread out', () => {
    const history = after(Array.from({ length: ADDRESS_SENDS_PER_DAY }, (_, i) => i * 11));
    const late = minute(ADDRESS_SENDS_PER_DAY * 11);
    expect(decideAddressSend(history, late)).toEqual({ allowed: false, code: 'SMS_ADDRESS_DAILY_LIMIT', retryAfterSeconds: secondsUntilNextDay(late) });
  });
});
