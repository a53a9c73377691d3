import type { Request, Response } from 'express';
import type { AuthUser } from '@api/platform/auth/auth-user.js';
import type { DomainException } from '@api/platform/errors/domain.exception.js';

/** What every resolver sees as its context, over HTTP and over graphql-ws alike. */
export interface GraphQLRequestContext {
  req?: Request;
  res?: Response;
  /** The verified caller, or null for an anonymous or rejected token. */
  user: AuthUser | null;
  /** Why the token was rejected, so the guard can answer UNAUTHENTICATED with the reason. */
  authFailure: DomainException | null;
  /** The HTTP request id (`x-request-id`), for logs and masked errors; absent over graphql-ws. */
  requestId?: string;
  /** The client address (for login throttling). */
  clientAddress: string;
}
