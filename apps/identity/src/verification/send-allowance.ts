import type { RetryLaterCode } from '@pilot/contracts';

/** Per phone, whatever the purpose: one code a minute (unless the last one was used), ten a day. */
export const RESEND_AFTER_MS = 60_000;
export const SENDS_PER_DAY = 10;
/** Per client address: five requests in any ten minutes, thirty a day. */
export const ADDRESS_WINDOW_MS = 10 * 60_000;
export const ADDRESS_SENDS_PER_WINDOW = 5;
export const ADDRESS_SENDS_PER_DAY = 30;

const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** The calendar day in Asia/Shanghai, which is what "ten a day" means to a user. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Seconds until midnight in Asia/Shanghai, when the daily allowances start again. */
export function secondsUntilNextDay(now: Date): number {
  const local = now.getTime() + SHANGHAI_OFFSET_MS;
  return (DAY_MS - (local % DAY_MS)) / 1000;
}

export interface Refusal {
  allowed: false;
  code: RetryLaterCode;
  retryAfterSeconds: number;
}

/** What a phone (or an unknown account name asked about) has been sent. */
export interface RecipientSendHistory {
  lastSentAt?: Date;
  /** When a code sent to it was last proven: its holder has it, so the next may follow at once. */
  lastUsedAt?: Date;
  day?: string;
  sentToday?: number;
}

export type RecipientDecision = { allowed: true; set: Required<Omit<RecipientSendHistory, 'lastUsedAt'>> } | Refusal;

/**
 * Whether a code may go to this phone now, for any purpose: a minute after the last one, unless
 * that one was already used (whoever used it holds the phone, and is not being flooded), and
 * no more than ten a day.
 */
export function decideRecipientSend(history: RecipientSendHistory | null, now: Date): RecipientDecision {
  const day = shanghaiDay(now);
  const sentToday = history?.day === day ? (history.sentToday ?? 0) : 0;
  const last = history?.lastSentAt?.getTime();
  const lastUsed = history?.lastUsedAt?.getTime() ?? -Infinity;
  if (last !== undefined && lastUsed < last && now.getTime() - last < RESEND_AFTER_MS) {
    return { allowed: false, code: 'SMS_TOO_SOON', retryAfterSeconds: (last + RESEND_AFTER_MS - now.getTime()) / 1000 };
  }
  if (sentToday >= SENDS_PER_DAY) return { allowed: false, code: 'SMS_DAILY_LIMIT', retryAfterSeconds: secondsUntilNextDay(now) };
  return { allowed: true, set: { lastSentAt: now, day, sentToday: sentToday + 1 } };
}

/** The requests one client address made. */
export interface AddressSendHistory {
  /** The times of the latest requests within the window, oldest first. */
  recent?: Date[];
  day?: string;
  sentToday?: number;
}

export type AddressDecision = { allowed: true; set: Required<AddressSendHistory> } | Refusal;

/** Whether one more code may be asked for from this address: five in any ten minutes, thirty a day. */
export function decideAddressSend(history: AddressSendHistory | null, now: Date): AddressDecision {
  const day = shanghaiDay(now);
  const sentToday = history?.day === day ? (history.sentToday ?? 0) : 0;
  if (sentToday >= ADDRESS_SENDS_PER_DAY) return { allowed: false, code: 'SMS_ADDRESS_DAILY_LIMIT', retryAfterSeconds: secondsUntilNextDay(now) };
  const windowStart = now.getTime() - ADDRESS_WINDOW_MS;
  const recent = (history?.recent ?? []).filter((at) => at.getTime() > windowStart);
  if (recent.length >= ADDRESS_SENDS_PER_WINDOW) {
    const oldest = recent[recent.length - ADDRESS_SENDS_PER_WINDOW];
    return { allowed: false, code: 'SMS_ADDRESS_LIMIT', retryAfterSeconds: (oldest.getTime() + ADDRESS_WINDOW_MS - now.getTime()) / 1000 };
  }
  return { allowed: true, set: { recent: [...recent, now].slice(-ADDRESS_SENDS_PER_WINDOW), day, sentToday: sentToday + 1 } };
}
