/** Fields whose values are secrets wherever they appear: in a request body or in an answer. */
const SECRET_FIELDS = new Set(['password', 'oldPassword', 'newPassword', 'smsCode', 'captchaAnswer', 'accessToken', 'refreshToken']);

/** Shorter values would match ordinary text by chance; every secret the platform issues or accepts is longer. */
const SHORTEST_SECRET = 6;

export const REDACTED = '***';

/** The secret values a call carried: the named fields of its body and answer (one level down too), and its bearer token. */
export function secretsOf(body: unknown, answer: unknown, authorization: string | undefined): string[] {
  const found = new Set<string>();
  for (const source of [body, answer]) collect(source, found, 2);
  const bearer = /^bearer\s+(\S+)/i.exec(authorization ?? '')?.[1];
  if (bearer) found.add(bearer);
  return [...found].filter((secret) => secret.length >= SHORTEST_SECRET);
}

/** The record with every occurrence of a secret blanked, and whether there was any. */
export function withoutSecrets<T extends Record<string, unknown>>(record: T, secrets: string[]): { record: T; redacted: boolean } {
  let redacted = false;
  const clean = Object.fromEntries(
    Object.entries(record).map(([field, value]) => {
      if (typeof value !== 'string') return [field, value];
      const blanked = secrets.reduce((text, secret) => text.split(secret).join(REDACTED), value);
      if (blanked !== value) redacted = true;
      return [field, blanked];
    }),
  ) as T;
  return { record: clean, redacted };
}

function collect(source: unknown, found: Set<string>, depth: number): void {
  if (!source || typeof source !== 'object' || depth === 0) return;
  for (const [field, value] of Object.entries(source)) {
    if (typeof value === 'string' && SECRET_FIELDS.has(field)) found.add(value);
    else collect(value, found, depth - 1);
  }
}
