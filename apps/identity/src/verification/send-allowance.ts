export const RESEND_AFTER_MS = 60_000;
export const SENDS_PER_DAY = 10;
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** The calendar day in Asia/Shanghai, which is what "10 a day" means to a user. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export interface SendHistory {
  lastSentAt?: Date;
  day?: string;
  sentToday?: number;
}

export type SendDecision = { allowed: true; sentToday: number; day: string } | { allowed: false; reason: 'SMS_TOO_SOON' | 'SMS_DAILY_LIMIT' };

/** Whether a new code may go to this phone for this purpose now: one a minute, ten a day. */
export function decideSend(history: SendHistory | null, now: Date): SendDecision {
  const day = shanghaiDay(now);
  const sentToday = history?.day === day ? (history.sentToday ?? 0) : 0;
  if (history?.lastSentAt && now.getTime() - history.lastSentAt.getTime() < RESEND_AFTER_MS) {
    return { allowed: false, reason: 'SMS_TOO_SOON' };
  }
  if (sentToday >= SENDS_PER_DAY) return { allowed: false, reason: 'SMS_DAILY_LIMIT' };
  return { allowed: true, sentToday: sentToday + 1, day };
}
