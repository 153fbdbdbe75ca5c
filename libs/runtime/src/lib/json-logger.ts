import type { LoggerService } from '@nestjs/common';
import { hostname } from 'node:os';
import { currentCorrelationId } from './correlation';

type Level = 'error' | 'warn' | 'info' | 'debug' | 'verbose' | 'fatal';
const LEVEL_RANK: Record<Level, number> = { fatal: 0, error: 1, warn: 2, info: 3, debug: 4, verbose: 5 };

/**
 * Which replica wrote a line: the pod's name on Kubernetes (its host name), or the name the
 * launcher gives each replica; with the process id, as a replica that restarts is a new process.
 */
const INSTANCE = process.env['INSTANCE_ID'] || hostname();

/**
 * One JSON line per event, always with the service name, the replica and, when inside a request
 * or message, its correlation id, so that one id finds a request across every service's logs.
 */
export class JsonLogger implements LoggerService {
  private readonly maxRank: number;

  constructor(
    private readonly service: string,
    level: string = process.env['LOG_LEVEL'] ?? 'info',
    private readonly sink: (line: string) => void = (line) => process.stdout.write(line + '\n'),
  ) {
    this.maxRank = LEVEL_RANK[(level as Level)] ?? LEVEL_RANK.info;
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: Level, message: unknown, rest: unknown[]): void {
    if (LEVEL_RANK[level] > this.maxRank) return;
    const entry: Record<string, unknown> = {
      time: new Date().toISOString(),
      level,
      service: this.service,
      instance: INSTANCE,
      pid: process.pid,
    };
    const args = [...rest];
    // Nest passes the context as the last string argument.
    const context = typeof args[args.length - 1] === 'string' ? args.pop() : undefined;
    if (context) entry['context'] = context;
    const correlationId = currentCorrelationId();
    if (correlationId) entry['correlationId'] = correlationId;
    if (message instanceof Error) {
      entry['msg'] = message.message;
      entry['stack'] = message.stack;
    } else if (message !== null && typeof message === 'object') {
      Object.assign(entry, message);
    } else {
      entry['msg'] = String(message);
    }
    for (const extra of args) {
      if (typeof extra === 'string' && level === 'error') entry['stack'] = extra;
      else if (extra instanceof Error) entry['stack'] = extra.stack;
      else if (extra !== undefined) entry['detail'] = extra;
    }
    this.sink(JSON.stringify(entry));
  }
}
