import type { LoggerService } from '@nestjs/common';
import { pino, type Logger as Pino } from 'pino';
import type { LogLevel } from '@app/config';

/**
 * Nest's logger interface over pino: one JSON object per line, with the Nest context as `context`.
 * Lines about a request carry its `requestId` field where the caller knows it.
 */
export class JsonLogger implements LoggerService {
  readonly pino: Pino;

  constructor(level: LogLevel, instanceId: string) {
    this.pino = pino({
      level,
      base: { instance: instanceId },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    });
  }

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, rest: unknown[]) {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    if (message !== null && typeof message === 'object' && !(message instanceof Error)) {
      const text = typeof rest[0] === 'string' ? (rest[0] as string) : undefined;
      this.pino[level]({ context, ...(message as object) }, text);
      return;
    }
    if (message instanceof Error) {
      this.pino[level]({ context, err: message }, message.message);
      return;
    }
    // Nest passes a stack trace as the second argument of `error`.
    const stack = level === 'error' && typeof rest[0] === 'string' ? rest[0] : undefined;
    this.pino[level]({ context, ...(stack ? { stack } : {}) }, String(message));
  }

  log(message: unknown, ...rest: unknown[]) {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]) {
    this.write('fatal', message, rest);
  }
}
