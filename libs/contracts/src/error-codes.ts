/**
 * The stable codes clients see in GraphQL `extensions.code` and in socket.io acknowledgements.
 * Adding a code is fine; renaming or removing one breaks clients.
 */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  /** A deadline of the process (registration, meeting requests) has passed. */
  DEADLINE_PASSED = 'DEADLINE_PASSED',
  /** A per-participant limit (meetings, requests) is reached. */
  LIMIT_REACHED = 'LIMIT_REACHED',
  /** The place asked for in a schedule is taken; the message names the clash. */
  SCHEDULE_CLASH = 'SCHEDULE_CLASH',
  RATE_LIMITED = 'RATE_LIMITED',
  /** The document is syntactically invalid. */
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  /** The document does not fit the schema. */
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  /** Depth, alias, directive, token or cost limit exceeded, or a batched request. */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** A backing service (the database) is briefly unreachable; nothing was changed. Retry. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /** The request was refused as a possible cross-site request forgery. */
  CSRF_REJECTED = 'CSRF_REJECTED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export interface ErrorBody {
  message: string;
  code: ErrorCode;
  /** For BAD_USER_INPUT: the input paths that were rejected, e.g. `input.country`. */
  fields?: string[];
  /** For a lifecycle CONFLICT: the states the object may move to from where it is (empty when final). */
  allowed?: string[];
}
