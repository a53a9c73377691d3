import { IntrinsicException } from '@nestjs/common';
import { ErrorCode } from '@app/contracts';

/**
 * The one exception services throw on purpose. Its code reaches clients unchanged as
 * `extensions.code` (GraphQL) or `error.code` (socket.io acknowledgements); anything else thrown is an
 * internal error and is masked. Being intrinsic, Nest does not log it as a failure: it is an answer.
 */
export class DomainException extends IntrinsicException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: string[],
    /** For a lifecycle CONFLICT: the states the object may move to from where it is (empty when final). */
    readonly allowed?: string[],
  ) {
    super(message);
    this.name = 'DomainException';
  }

  static unauthenticated(message = 'Sign in to do this.') {
    return new DomainException(ErrorCode.UNAUTHENTICATED, message);
  }
  static forbidden(message = 'You are not allowed to do this.') {
    return new DomainException(ErrorCode.FORBIDDEN, message);
  }
  static notFound(what: string) {
    return new DomainException(ErrorCode.NOT_FOUND, `${what} was not found.`);
  }
  static badInput(message: string, fields: string[] = []) {
    return new DomainException(ErrorCode.BAD_USER_INPUT, message, fields);
  }
  static conflict(message: string) {
    return new DomainException(ErrorCode.CONFLICT, message);
  }
  /**
   * A move the lifecycle does not have. The message names the moves it does have (or says the state
   * is final), and `allowed` lists them for clients.
   */
  static lifecycle(what: string, state: string, allowed: readonly string[], attempted?: string) {
    const refused = attempted ? `${what} that is ${state} cannot move to ${attempted}` : `${what} is already ${state}`;
    const next = allowed.length ? `it can move to ${allowed.join(' or ')}` : `${state} is final`;
    return new DomainException(ErrorCode.CONFLICT, `${refused}; ${next}.`, undefined, [...allowed]);
  }
  /** A lifecycle CONFLICT found by a guarded update: the object left the state it was read in for a final one. */
  static nowFinal(message: string) {
    return new DomainException(ErrorCode.CONFLICT, message, undefined, []);
  }
  static rateLimited(message = 'Too many attempts; try again later.') {
    return new DomainException(ErrorCode.RATE_LIMITED, message);
  }
  static deadlinePassed(message: string) {
    return new DomainException(ErrorCode.DEADLINE_PASSED, message);
  }
  static limitReached(message: string) {
    return new DomainException(ErrorCode.LIMIT_REACHED, message);
  }
  static scheduleClash(message: string) {
    return new DomainException(ErrorCode.SCHEDULE_CLASH, message);
  }
  static serviceUnavailable(message: string) {
    return new DomainException(ErrorCode.SERVICE_UNAVAILABLE, message);
  }
}
