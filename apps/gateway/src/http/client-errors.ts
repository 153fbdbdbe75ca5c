import type { ErrorCode } from '@pilot/contracts';
import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { catalogued } from './http-error.filter';

/** Errors of Node's HTTP parser, met before any request object exists. */
const PARSER_ERRORS = new Map<string | undefined, ErrorCode>([
  ['HPE_HEADER_OVERFLOW', 'HEADERS_TOO_LARGE'],
  ['ERR_HTTP_REQUEST_TIMEOUT', 'REQUEST_TIMEOUT'],
]);

/**
 * A request the HTTP parser refuses (a URL or headers over Node's 16 KB, a broken request line)
 * never reaches Express; Node would answer it with a bare status line. It is answered in the
 * platform's `{ code, message }` like every other refusal.
 */
export function answerClientErrorsInJson(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const { status, body } = catalogued(PARSER_ERRORS.get(err.code) ?? 'MALFORMED_REQUEST');
    const text = JSON.stringify(body);
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
  });
}
