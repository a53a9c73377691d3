import { isDatabaseUnavailable } from '@api/platform/errors/error-mapping.js';

/**
 * The hub could not connect to its database at start. Its fields (host, port, reason) are own
 * properties, so the JSON log line that reports it names where the hub tried and why it failed, instead
 * of a bare "connect ECONNREFUSED" with only a port.
 */
export class DatabaseUnreachableError extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
    readonly reason: string,
  ) {
    super(`database unreachable at ${host}:${port}: ${reason}`);
    this.name = 'DatabaseUnreachableError';
  }
}

/** Name resolution failures are not in the error mapping (they never happen after start). */
const UNRESOLVED = new Set(['ENOTFOUND', 'EAI_AGAIN']);

/**
 * Turns a failed first connection into a DatabaseUnreachableError when the server could not be reached
 * (refused, timed out, unknown host); any other failure (a wrong password, a missing database) is
 * returned as it is, because its own message already says what is wrong.
 */
export function asUnreachable(url: string, error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (!isDatabaseUnavailable(error) && !(typeof code === 'string' && UNRESOLVED.has(code))) return error;
  const parsed = new URL(url);
  return new DatabaseUnreachableError(decodeURIComponent(parsed.hostname) || 'localhost', Number(parsed.port || 5432), describe(error));
}

/** A connection to "localhost" tries every address and fails with an AggregateError without a message. */
function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return error.errors.map((e: unknown) => describe(e)).join('; ');
  if (error instanceof Error) return error.message || String((error as { code?: unknown }).code ?? error.name);
  return String(error);
}
