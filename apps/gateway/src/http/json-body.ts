import { json, type RequestHandler } from 'express';

/**
 * The deepest JSON any route reads is a plan with its certificates (three levels); this leaves
 * room for growth. A deeper body is refused before it is parsed: 3,000 levels parse, but the
 * validation and serialising that follow recurse once per level and run out of stack.
 */
export const MAX_JSON_DEPTH = 20;

/** body-parser keeps the `type` of an error thrown by `verify`; the body error handler answers it. */
export const TOO_DEEP = 'entity.too.deep';

const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** JSON bodies up to `limit` bytes (refused unread when larger) and `MAX_JSON_DEPTH` levels. */
export function jsonBody(limit: string): RequestHandler {
  return json({ limit, verify: refuseDeepNesting });
}

function refuseDeepNesting(_req: unknown, _res: unknown, body: Buffer, encoding: string): void {
  const utf8 = inUtf8(body, encoding);
  if (utf8 && nestingExceeds(utf8, MAX_JSON_DEPTH)) throw Object.assign(new Error('JSON nested too deep'), { type: TOO_DEEP });
}

/**
 * The body as UTF-8 bytes, where the brackets and quotes that shape JSON are single bytes that
 * never occur inside another character; undefined for a character set no decoder knows, which
 * the parser refuses next.
 */
function inUtf8(body: Buffer, encoding: string): Buffer | undefined {
  if (/^utf-?8$/i.test(encoding)) return body;
  try {
    return Buffer.from(new TextDecoder(encoding).decode(body), 'utf8');
  } catch {
    return undefined;
  }
}

/** Whether arrays and objects nest deeper than `max`, counting only brackets outside strings. */
function nestingExceeds(bytes: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let at = 0; at < bytes.length; at++) {
    const byte = bytes[at];
    if (inString) {
      if (byte === BACKSLASH) at++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      if (++depth > max) return true;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
      depth--;
    }
  }
  return false;
}
