import { Transform } from 'class-transformer';

const DECIMAL_DIGITS = /^-?\d{1,15}$/;

/**
 * A whole number as a query string or a form sends it ("12"), or as JSON does (12). Anything
 * else stays as it came, so the field's own @IsInt refuses it with its message: JavaScript's
 * Number() would read "" and false as 0, true as 1, "0x10" as 16 and "1e3" as 1000.
 */
export const WholeNumber = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' && DECIMAL_DIGITS.test(value) ? Number(value) : value));
