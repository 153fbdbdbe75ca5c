import { randomInt } from 'node:crypto';

// Characters that read the same on a phone screen: no 0/O, 1/l/I.
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '@#$%&*+=?';
const ALL = UPPER + LOWER + DIGITS + SYMBOLS;

/** A random 12-character password holding every kind of character, for sending by SMS. */
export function initialPassword(length = 12): string {
  const chars = [UPPER, LOWER, DIGITS, SYMBOLS].map(pick);
  while (chars.length < length) chars.push(pick(ALL));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

function pick(from: string): string {
  return from[randomInt(from.length)];
}
