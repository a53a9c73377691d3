import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode } from '@app/contracts';
import { HttpException, Logger } from '@nestjs/common';
import { INTERNAL_MESSAGE, knownErrorBody } from '@api/platform/errors/error-mapping.js';

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
const LIMIT_PATTERN = /limit of \d+ exceeded|Document contains more tha[nt] \d+ tokens/i;
/** "Did you mean …?" hints reveal the schema to strangers: never sent. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/** Limit refusals read alike whichever library raised them: "Token limit of 200 exceeded." */
function limitMessage(message: string): string {
  const tokens = message.match(/Document contains more tha[nt] (\d+) tokens/);
  if (tokens) return `Token limit of ${tokens[1]} exceeded.`;
  return message.replace(/^Syntax Error: /, '');
}

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
  // graphql-js: `Variable "$i" got invalid value <printed value> at "i.country"; <reason>`; the printed
  // value may itself contain quotes and colons, so the path is taken from the last ` at "…"`.
  const variable = message.match(/^Variable "\$(\w+)"/);
  const paths = [...message.matchAll(/ at "([\w.[\]]+)"[;.:]/g)];
  if (paths.length > 0) fields.add(paths[paths.length - 1]![1]!);
  else if (variable) fields.add(variable[1]!);
  for (const match of message.matchAll(/Field "([\w.]+)"/g)) fields.add(match[1]!);
  return [...fields];
}

/**
 * Logs the errors of one operation that are faults rather than answers: internal errors with their
 * cause, a lost database as a warning. `requestId` ties the log line to the response.
 */
export function reportGraphQLErrors(errors: readonly GraphQLError[], requestId?: string): void {
  for (const error of errors) {
    const code = formatGraphQLError(error.toJSON(), error).extensions?.code;
    if (code === ErrorCode.INTERNAL_SERVER_ERROR) {
      logger.error({ err: unwrapResolverError(error), requestId, path: error.path }, 'unhandled error in GraphQL operation');
    } else if (code === ErrorCode.SERVICE_UNAVAILABLE) {
      logger.warn({ err: unwrapResolverError(error), requestId, path: error.path }, 'database unavailable during a GraphQL operation');
    }
  }
}

/**
 * The one place errors become what clients see: domain exceptions keep their code and message,
 * Apollo's request errors get a stable code, everything else is masked and logged with the request id.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const known = knownErrorBody(original);
  if (known) {
    return {
      message: known.message,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: known.code, ...(known.fields ? { fields: known.fields } : {}), ...(known.allowed ? { allowed: known.allowed } : {}) },
    };
  }
  const code = original instanceof HttpException ? (HTTP_CODES[original.getStatus()] ?? classify(formatted)) : classify(formatted);
  if (code === ErrorCode.INTERNAL_SERVER_ERROR) {
    return { message: INTERNAL_MESSAGE, ...(formatted.path ? { path: formatted.path } : {}), extensions: { code } };
  }
  const fields = code === ErrorCode.BAD_USER_INPUT ? fieldsFromMessage(formatted.message) : [];
  if (code === ErrorCode.QUERY_TOO_COMPLEX) formatted = { ...formatted, message: limitMessage(formatted.message) };
  return {
    message: (original instanceof HttpException ? original.message : formatted.message).replace(SUGGESTION, ''),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    extensions: { code, ...(fields.length ? { fields } : {}) },
  };
}

const APOLLO_CODE_BY_PHASE = { parse: 'GRAPHQL_PARSE_FAILED', validate: 'GRAPHQL_VALIDATION_FAILED', variables: 'BAD_USER_INPUT' } as const;

/**
 * Parse, validation and variable errors raised outside Apollo (graphql-ws parses, validates and
 * coerces on its own): tagged with the code Apollo would give, so `formatGraphQLError` treats them alike.
 */
export function tagRequestError(error: GraphQLError, phase: keyof typeof APOLLO_CODE_BY_PHASE): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { code: APOLLO_CODE_BY_PHASE[phase] } });
}
