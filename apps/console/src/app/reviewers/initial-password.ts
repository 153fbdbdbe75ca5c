// Characters easy to tell apart when the password is read out or copied by hand (no 0/O, 1/l/I).
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '@#$%&*!?';
const LENGTH = 12;

function pick(alphabet: string, random: Uint32Array, index: number): string {
  return alphabet[random[index] % alphabet.length];
}

/** A random initial password with all four kinds of character, so it always meets the rule. */
export function generateInitialPassword(): string {
  const random = crypto.getRandomValues(new Uint32Array(LENGTH * 2));
  const all = UPPER + LOWER + DIGITS + SYMBOLS;
  const chars = [pick(UPPER, random, 0), pick(LOWER, random, 1), pick(DIGITS, random, 2), pick(SYMBOLS, random, 3)];
  for (let i = chars.length; i < LENGTH; i++) chars.push(pick(all, random, i));
  // Fisher-Yates with the second half of the random numbers, so the kinds are not always in front.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = random[LENGTH + i] % (i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
