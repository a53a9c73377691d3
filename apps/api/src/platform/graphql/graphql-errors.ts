import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode } from '@app/contracts';
import { HttpException, Logger } from '@nestjs/common';
import { DomainException } from '@api/platform/errors/domain.exception.js';
import { INTERNAL_MESSAGE } from '@api/platform/errors/error-mapping.js';
import { currentRequestId } from '@api/platform/logging/request-context.js';

const logger = new Logger('GraphQL');

/** Nest's own HTTP exceptions (thrown by framework pipes or guards) mapped to our codes. */
const HTTP_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  429: ErrorCode.RATE_LIMITED,
};
const LIMIT_PATTERN = /limit of \d+ exceeded/i;

/** Apollo's own codes for problems of the request itself, mapped to ours. */
function classify(formatted: GraphQLFormattedError): ErrorCode {
  const apolloCode = formatted.extensions?.code;
  if (LIMIT_PATTERN.test(formatted.message)) return ErrorCode.QUERY_TOO_COMPLEX;
  switch (apolloCode) {
    case 'GRAPHQL_PARSE_FAILED':
      return ErrorCode.GRAPHQL_PARSE_FAILED;
    case 'GRAPHQL_VALIDATION_FAILED':
      return ErrorCode.GRAPHQL_VALIDATION_FAILED;
    case 'BAD_USER_INPUT':
    case 'OPERATION_RESOLUTION_FAILURE':
      return ErrorCode.BAD_USER_INPUT;
    case 'BAD_REQUEST':
      if (/Cross-Site Request Forgery/i.test(formatted.message)) return ErrorCode.CSRF_REJECTED;
      if (/batching/i.test(formatted.message)) return ErrorCode.QUERY_TOO_COMPLEX;
      return ErrorCode.BAD_USER_INPUT;
    default:
      return ErrorCode.INTERNAL_SERVER_ERROR;
  }
}

/** `Variable "$input" got invalid value 1 at "input.name"; ...` → ["input.name"]. */
function fieldsFromMessage(message: string): string[] {
  const fields = new Set<string>();
  for (const match of message.matchAll(/Variable "\$(\w+)"[^;]*?(?: at "([^"]+)")?[;:]/g)) fields.add(match[2] ?? match[1]);
  for (const match of message.matchAll(/Field "([\w.]+)"/g)) fields.add(match[1]);
  return [...fields];
}

/**
 * The one place errors become what clients see: domain exceptions keep their code and message,
 * Apollo's request errors get a stable code, everything else is masked and logged with the request id.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainException) {
    return {
      message: original.message,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: original.code, ...(original.fields?.length ? { fields: original.fields } : {}) },
    };
  }
  const code = original instanceof HttpException ? (HTTP_CODES[original.getStatus()] ?? classify(formatted)) : classify(formatted);
  if (code === ErrorCode.INTERNAL_SERVER_ERROR) {
    const requestId = currentRequestId();
    logger.error({ err: original, requestId, path: formatted.path }, 'unhandled error in GraphQL operation');
    return {
      message: INTERNAL_MESSAGE,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code, ...(requestId ? { requestId } : {}) },
    };
  }
  const fields = code === ErrorCode.BAD_USER_INPUT ? fieldsFromMessage(formatted.message) : [];
  return {
    message: original instanceof HttpException ? original.message : formatted.message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    extensions: { code, ...(fields.length ? { fields } : {}) },
  };
}

/**
 * Parse and validation errors raised outside Apollo (graphql-ws runs its own parse and validate):
 * give them the code Apollo would, then format them like every other error.
 */
export function formatRequestError(error: GraphQLError): GraphQLFormattedError {
  const code = error.message.startsWith('Syntax Error') && !LIMIT_PATTERN.test(error.message) ? 'GRAPHQL_PARSE_FAILED' : 'GRAPHQL_VALIDATION_FAILED';
  return formatGraphQLError({ ...error.toJSON(), extensions: { code } }, error);
}
