import { ErrorBody, ErrorCode } from '@app/contracts';
import { DomainException } from './domain.exception.js';

/** HTTP status for codes that end a plain HTTP request (not a GraphQL result). */
export const HTTP_STATUS_BY_CODE: Record<ErrorCode, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.DEADLINE_PASSED]: 409,
  [ErrorCode.LIMIT_REACHED]: 409,
  [ErrorCode.SCHEDULE_CLASH]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.GRAPHQL_PARSE_FAILED]: 400,
  [ErrorCode.GRAPHQL_VALIDATION_FAILED]: 400,
  [ErrorCode.QUERY_TOO_COMPLEX]: 400,
  [ErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
  [ErrorCode.CSRF_REJECTED]: 400,
  [ErrorCode.INTERNAL_SERVER_ERROR]: 500,
};

export const INTERNAL_MESSAGE = 'Something went wrong on our side. Quote the request id when you report it.';

export const UNAVAILABLE_MESSAGE = 'The database is unavailable for a moment; nothing was changed. Try again shortly.';

const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);
/**
 * SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, crash), and the
 * hub's own limits: statement_timeout (57014), lock_timeout (55P03), idle_in_transaction_session_timeout
 * (25P03). Each means the statement did not commit and a retry may succeed.
 */
const UNAVAILABLE_SQLSTATE = /^(08|57P|57014$|55P03$|25P03$)/;

/**
 * A lost or refused database connection: the operation did not commit, and a retry may succeed.
 * Told apart from our own faults so clients can retry instead of reporting a bug.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth += 1) {
    const { code, message, driverError } = e as { code?: unknown; message?: unknown; driverError?: unknown };
    if (typeof code === 'string' && (CONNECTION_ERRNOS.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
    if (typeof message === 'string' && /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message)) return true;
    e = driverError ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * What a client sees for an error the hub raised on purpose (DomainException) or recognises (a lost
 * database); undefined for anything else. GraphQL and socket.io both answer through this.
 */
export function knownErrorBody(error: unknown): ErrorBody | undefined {
  if (error instanceof DomainException) {
    return { code: error.code, message: error.message, ...(error.fields?.length ? { fields: error.fields } : {}), ...(error.allowed ? { allowed: error.allowed } : {}) };
  }
  if (isDatabaseUnavailable(error)) return { code: ErrorCode.SERVICE_UNAVAILABLE, message: UNAVAILABLE_MESSAGE };
  return undefined;
}

/** Turns anything thrown into what a client may see. Unknown errors are masked. */
export function toErrorBody(error: unknown): ErrorBody {
  const known = knownErrorBody(error);
  if (known) return known;
  return { code: ErrorCode.INTERNAL_SERVER_ERROR, message: INTERNAL_MESSAGE };
}
