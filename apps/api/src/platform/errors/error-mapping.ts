import { ErrorBody, ErrorCode } from '@app/contracts';
import { DomainException } from './domain.exception.js';

/** HTTP status for codes that end a plain HTTP request (not a GraphQL result). */
export const HTTP_STATUS_BY_CODE: Record<ErrorCode, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.GRAPHQL_PARSE_FAILED]: 400,
  [ErrorCode.GRAPHQL_VALIDATION_FAILED]: 400,
  [ErrorCode.QUERY_TOO_COMPLEX]: 400,
  [ErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCode.CSRF_REJECTED]: 400,
  [ErrorCode.INTERNAL_SERVER_ERROR]: 500,
};

export const INTERNAL_MESSAGE = 'Something went wrong on our side. Quote the request id when you report it.';

/** Turns anything thrown into what a client may see. Unknown errors are masked. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof DomainException) {
    return { code: error.code, message: error.message, ...(error.fields?.length ? { fields: error.fields } : {}) };
  }
  return { code: ErrorCode.INTERNAL_SERVER_ERROR, message: INTERNAL_MESSAGE };
}
