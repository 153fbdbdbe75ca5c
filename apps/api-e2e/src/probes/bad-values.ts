import type { Schema } from './openapi-operations';

/**
 * The bad input the probe sends, as data: what a careless user or an attacker puts in a JSON
 * field, a query parameter, a path parameter or a whole body. Values are written as they travel
 * (JSON text, URL-encoded text), so the probe can send what JSON.stringify never would
 * (1e400, lone surrogates, a field named __proto__).
 */
export const CATEGORIES = [
  'wrong type',
  'null',
  'huge string',
  'deep nesting',
  'operator injection',
  '__proto__',
  'invalid id',
  'lone surrogate',
  'NaN',
  'Infinity',
  'negative',
  'loose number',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface BadValue {
  category: Category;
  label: string;
  /** JSON text for a body field; URL-encoded text for a query or path parameter. */
  text: string;
  /** Refused whatever the field: no field takes it. */
  alwaysRefused?: boolean;
}

const DEEP = 3_000;
const deepArrays = `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`;
const deepObjects = `${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}`;

export const JSON_VALUES: BadValue[] = [
  { category: 'wrong type', label: 'a number', text: '12345' },
  { category: 'wrong type', label: 'true', text: 'true' },
  { category: 'wrong type', label: 'false', text: 'false' },
  { category: 'wrong type', label: 'a word', text: '"text"' },
  { category: 'wrong type', label: 'an empty list', text: '[]' },
  { category: 'wrong type', label: 'an empty object', text: '{}' },
  { category: 'wrong type', label: 'a mixed list', text: '["a",1,null,{}]' },
  { category: 'wrong type', label: 'a fraction', text: '0.5' },
  { category: 'null', label: 'null', text: 'null', alwaysRefused: true },
  { category: 'null', label: 'a list of null', text: '[null]' },
  { category: 'huge string', label: '150,000 letters', text: JSON.stringify('x'.repeat(150_000)), alwaysRefused: true },
  { category: 'huge string', label: '60,000 Chinese characters', text: JSON.stringify('长'.repeat(60_000)), alwaysRefused: true },
  { category: 'huge string', label: 'a list of 20,000 words', text: JSON.stringify(Array(20_000).fill('a')), alwaysRefused: true },
  { category: 'deep nesting', label: '3,000 nested lists', text: deepArrays, alwaysRefused: true },
  { category: 'deep nesting', label: '3,000 nested objects', text: deepObjects, alwaysRefused: true },
  { category: 'operator injection', label: '{"$ne":null}', text: '{"$ne":null}', alwaysRefused: true },
  { category: 'operator injection', label: '{"$gt":""}', text: '{"$gt":""}', alwaysRefused: true },
  { category: 'operator injection', label: '{"$where":…}', text: '{"$where":"sleep(1000) || true"}', alwaysRefused: true },
  { category: 'operator injection', label: '{"$regex":".*"}', text: '{"$regex":".*"}', alwaysRefused: true },
  { category: 'operator injection', label: '[{"$ne":null}]', text: '[{"$ne":null}]', alwaysRefused: true },
  { category: 'operator injection', label: 'an operator as text', text: JSON.stringify('{"$ne":null}') },
  { category: '__proto__', label: '{"__proto__":…}', text: '{"__proto__":{"role":"admin","isAdmin":true}}', alwaysRefused: true },
  { category: '__proto__', label: '{"constructor":{"prototype":…}}', text: '{"constructor":{"prototype":{"isAdmin":true}}}', alwaysRefused: true },
  { category: '__proto__', label: '"__proto__" as text', text: '"__proto__"' },
  { category: 'invalid id', label: 'zzz', text: '"zzz"' },
  { category: 'invalid id', label: 'a path', text: '"../../etc/passwd"' },
  { category: 'invalid id', label: 'an id of no object', text: '"ffffffffffffffffffffffff"' },
  { category: 'invalid id', label: '23 hex digits', text: '"6650f1d2a1b2c3d4e5f6071"' },
  { category: 'invalid id', label: 'nothing', text: '""' },
  { category: 'invalid id', label: 'a space', text: '" "' },
  { category: 'invalid id', label: 'a NUL', text: '"\\u0000"' },
  { category: 'lone surrogate', label: 'a high surrogate in a word', text: '"a\\ud800b"', alwaysRefused: true },
  { category: 'lone surrogate', label: 'a low surrogate', text: '"\\udfff"', alwaysRefused: true },
  { category: 'lone surrogate', label: 'half an emoji', text: '"x\\ud83d"', alwaysRefused: true },
  { category: 'NaN', label: '"NaN"', text: '"NaN"' },
  { category: 'NaN', label: 'NaN, which JSON does not have', text: 'NaN', alwaysRefused: true },
  { category: 'Infinity', label: '"Infinity"', text: '"Infinity"' },
  { category: 'Infinity', label: '1e400', text: '1e400' },
  { category: 'Infinity', label: '-1e400', text: '-1e400' },
  { category: 'negative', label: '-1', text: '-1' },
  { category: 'negative', label: '-0', text: '-0' },
  { category: 'negative', label: '-1.5', text: '-1.5' },
  { category: 'negative', label: '"-1"', text: '"-1"' },
  { category: 'negative', label: 'the most negative safe number, less one', text: '-9007199254740993' },
  { category: 'loose number', label: '"1e5"', text: '"1e5"' },
  { category: 'loose number', label: '"0x10"', text: '"0x10"' },
  { category: 'loose number', label: '" 12"', text: '" 12"' },
  { category: 'loose number', label: '1e21', text: '1e21' },
  { category: 'loose number', label: '9007199254740993', text: '9007199254740993' },
];

/** A query parameter's attack: the query string it makes of the parameter's name. */
export interface QueryAttack extends BadValue {
  query: (name: string) => string;
  /** The value the parameter ends up with, when it stays one text value of the same name. */
  value?: string;
}

const valued = (category: Category, label: string, encoded: string, value: string): QueryAttack => ({
  category,
  label,
  text: encoded,
  value,
  query: (name) => `${encodeURIComponent(name)}=${encoded}`,
});
const reshaped = (category: Category, label: string, query: (name: string) => string): QueryAttack => ({ category, label, text: query('x'), alwaysRefused: true, query });

export const QUERY_ATTACKS: QueryAttack[] = [
  valued('wrong type', 'letters', 'abc', 'abc'),
  valued('wrong type', 'nothing', '', ''),
  valued('wrong type', 'true', 'true', 'true'),
  reshaped('wrong type', 'given twice', (name) => `${name}=1&${name}=2`),
  reshaped('wrong type', 'as a list', (name) => `${name}[]=1`),
  valued('null', '"null"', 'null', 'null'),
  reshaped('huge string', '6,000 letters', (name) => `${name}=${'x'.repeat(6_000)}`),
  reshaped('huge string', 'a URL over 16 KB', (name) => `${name}=${'y'.repeat(20_000)}`),
  reshaped('deep nesting', 'a key nested 200 levels', (name) => `${name}${'[a]'.repeat(200)}=1`),
  reshaped('operator injection', '[$ne]', (name) => `${name}[$ne]=`),
  reshaped('operator injection', '[$gt]', (name) => `${name}[$gt]=`),
  reshaped('operator injection', '[$regex]', (name) => `${name}[$regex]=.*`),
  valued('operator injection', 'an operator as text', encodeURIComponent('{"$ne":null}'), '{"$ne":null}'),
  reshaped('__proto__', '__proto__=', () => '__proto__=1'),
  reshaped('__proto__', '__proto__[…]=', () => '__proto__[isAdmin]=1'),
  reshaped('__proto__', 'constructor[prototype][…]=', () => 'constructor[prototype][isAdmin]=1'),
  reshaped('__proto__', 'the parameter’s __proto__', (name) => `${name}[__proto__][isAdmin]=1`),
  valued('invalid id', 'zzz', 'zzz', 'zzz'),
  valued('invalid id', 'a path', encodeURIComponent('../../etc/passwd'), '../../etc/passwd'),
  valued('invalid id', 'an id of no object', 'ffffffffffffffffffffffff', 'ffffffffffffffffffffffff'),
  valued('invalid id', 'a NUL', '%00', '\u0000'),
  valued('lone surrogate', 'a surrogate in UTF-8 (not UTF-8 at all)', '%ED%A0%80', '\ufffd\ufffd\ufffd'),
  valued('lone surrogate', 'a broken escape', '%', '%'),
  valued('lone surrogate', 'half a UTF-8 character', '%E4', '\ufffd'),
  valued('NaN', 'NaN', 'NaN', 'NaN'),
  valued('Infinity', 'Infinity', 'Infinity', 'Infinity'),
  valued('Infinity', '1e400', '1e400', '1e400'),
  valued('negative', '-1', '-1', '-1'),
  valued('negative', '-0', '-0', '-0'),
  valued('loose number', '1e5', '1e5', '1e5'),
  valued('loose number', '0x10', '0x10', '0x10'),
  valued('loose number', '1.5', '1.5', '1.5'),
  valued('loose number', '20 digits', '99999999999999999999', '99999999999999999999'),
  valued('loose number', 'a leading plus', '%2B1', '+1'),
];

/** Path segments, URL-encoded as sent. */
export const PATH_VALUES: BadValue[] = [
  { category: 'wrong type', label: 'letters', text: 'abc' },
  { category: 'wrong type', label: 'true', text: 'true' },
  { category: 'null', label: 'null', text: 'null' },
  { category: 'huge string', label: '3,000 letters', text: 'x'.repeat(3_000) },
  { category: 'huge string', label: 'a URL over 16 KB', text: 'y'.repeat(20_000) },
  { category: 'deep nesting', label: 'nested brackets', text: encodeURIComponent('['.repeat(500)) },
  { category: 'operator injection', label: '{"$ne":null}', text: encodeURIComponent('{"$ne":null}') },
  { category: 'operator injection', label: '$where', text: '%24where' },
  { category: '__proto__', label: '__proto__', text: '__proto__' },
  { category: '__proto__', label: 'constructor', text: 'constructor' },
  { category: 'invalid id', label: 'an id of no object', text: 'ffffffffffffffffffffffff' },
  { category: 'invalid id', label: '23 hex digits', text: '6650f1d2a1b2c3d4e5f6071' },
  { category: 'invalid id', label: 'an encoded path', text: '..%2F..%2Fetc%2Fpasswd' },
  { category: 'invalid id', label: 'encoded dots', text: '%2e%2e' },
  { category: 'invalid id', label: 'a NUL', text: '%00' },
  { category: 'invalid id', label: 'a space', text: '%20' },
  { category: 'lone surrogate', label: 'a surrogate in UTF-8', text: '%ED%A0%80' },
  { category: 'lone surrogate', label: 'a broken escape', text: '%' },
  { category: 'NaN', label: 'NaN', text: 'NaN' },
  { category: 'Infinity', label: 'Infinity', text: 'Infinity' },
  { category: 'negative', label: '-1', text: '-1' },
  { category: 'loose number', label: '1e5', text: '1e5' },
  { category: 'loose number', label: '0x10', text: '0x10' },
];

/** A whole body instead of the one the operation documents; `everywhere` ones are refused before any route reads a body. */
export interface BodyAttack {
  label: string;
  contentType: string;
  body: string;
  everywhere: boolean;
}

export const BODY_ATTACKS: BodyAttack[] = [
  { label: 'lists nested 3,000 levels', contentType: 'application/json', body: deepArrays, everywhere: true },
  { label: 'objects nested 3,000 levels', contentType: 'application/json', body: deepObjects, everywhere: true },
  { label: 'a body of 1.5 MB', contentType: 'application/json', body: JSON.stringify({ a: 'x'.repeat(1_500_000) }), everywhere: true },
  { label: 'JSON cut short', contentType: 'application/json', body: '{"a":', everywhere: true },
  { label: 'NaN, which JSON does not have', contentType: 'application/json', body: '{"a":NaN}', everywhere: true },
  { label: 'a character set nobody reads', contentType: 'application/json; charset=x-unknown', body: '{}', everywhere: true },
  { label: 'a list', contentType: 'application/json', body: '[]', everywhere: false },
  { label: 'a list of objects', contentType: 'application/json', body: '[{"a":1}]', everywhere: false },
  { label: 'a text', contentType: 'application/json', body: '"text"', everywhere: false },
  { label: 'null', contentType: 'application/json', body: 'null', everywhere: false },
  { label: 'a number', contentType: 'application/json', body: '123', everywhere: false },
  { label: '__proto__ at the top', contentType: 'application/json', body: '{"__proto__":{"role":"admin"}}', everywhere: false },
  { label: 'constructor.prototype at the top', contentType: 'application/json', body: '{"constructor":{"prototype":{"role":"admin"}}}', everywhere: false },
  { label: 'an operator at the top', contentType: 'application/json', body: '{"$where":"sleep(1000)"}', everywhere: false },
  { label: 'a field name with a lone surrogate', contentType: 'application/json', body: '{"\\ud800":1}', everywhere: false },
  { label: 'the actor named by the caller', contentType: 'application/json', body: '{"actor":{"role":"admin"}}', everywhere: false },
];

/** Whether a field of this schema can take this JSON text at all; `false` means refusal is the only right answer. */
export function jsonMayBeAccepted(value: BadValue, schema: Schema): boolean {
  if (value.alwaysRefused) return false;
  const parsed = JSON.parse(value.text) as unknown;
  return valueFits(parsed, schema);
}

function valueFits(value: unknown, schema: Schema): boolean {
  if (schema.enum) return schema.enum.includes(value);
  switch (schema.type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
    case 'integer':
      // A count may come from a form as decimal digits ("120"); nothing else stands for a number.
      return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && /^-?\d{1,15}$/.test(value));
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value) && value.every((item) => item !== null && valueFits(item, schema.items ?? {}));
    default:
      return value !== null && typeof value === 'object' && !Array.isArray(value);
  }
}

/** Whether a query parameter of this schema can take what the attack leaves in it. */
export function queryMayBeAccepted(attack: QueryAttack, schema: Schema): boolean {
  if (attack.alwaysRefused || attack.value === undefined) return false;
  if (schema.enum) return schema.enum.includes(attack.value);
  if (schema.type === 'number' || schema.type === 'integer') return /^\d{1,15}$/.test(attack.value);
  return true;
}

/** A small seeded generator (mulberry32): the same seed picks the same values on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` values of each category, drawn with `random`. */
export function sampleByCategory<T extends BadValue>(values: T[], count: number, random: () => number): T[] {
  return CATEGORIES.flatMap((category) => {
    const pool = values.filter((value) => value.category === category);
    const picked: T[] = [];
    while (picked.length < Math.min(count, pool.length)) {
      const candidate = pool[Math.floor(random() * pool.length)];
      if (!picked.includes(candidate)) picked.push(candidate);
    }
    return picked;
  });
}
