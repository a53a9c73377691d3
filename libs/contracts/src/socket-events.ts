import type { ErrorBody } from './error-codes.js';
import type { OrganisationChangeKind } from './domain.js';
import { CANVAS_CLIENT_EVENTS, CANVAS_NAMESPACE } from './canvas-events.js';
import { CHAT_CLIENT_EVENTS, CHAT_NAMESPACE } from './chat-events.js';

/**
 * The socket.io event catalogue. Both sides import these types: the server through
 * `Server<ClientToServerEvents, ServerToClientEvents>`, clients and tests through `Socket<...>`.
 */

/** What every acknowledged client event answers. */
export type Ack<T = Record<string, never>> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export interface OrganisationMemberPayload {
  organisationId: string;
  userId: string;
  role: 'OWNER' | 'ADMIN' | 'MEMBER';
}

export interface OrganisationChangedPayload {
  organisationId: string;
  /** What changed, so a client can decide whether to refetch. */
  change: `${OrganisationChangeKind}`;
  userId?: string;
  at: string;
}

export interface InvitationPayload {
  invitationId: string;
  organisationId: string;
  organisationName: string;
  role: 'OWNER' | 'ADMIN' | 'MEMBER';
}

export interface SessionEndedPayload {
  reason: 'TOKEN_EXPIRED' | 'LOGGED_OUT' | 'SESSION_REVOKED';
}

export interface ServerToClientEvents {
  'organisation:changed': (payload: OrganisationChangedPayload) => void;
  'invitation:received': (payload: InvitationPayload) => void;
  /** Sent right before the server closes a socket whose token expired or whose session ended. */
  'session:ended': (payload: SessionEndedPayload) => void;
}

export interface ClientToServerEvents {
  /** Follow an organisation's live changes; refused unless the caller is a member. */
  'organisation:follow': (payload: { organisationId: string }, ack: (result: Ack) => void) => void;
  'organisation:unfollow': (payload: { organisationId: string }, ack: (result: Ack) => void) => void;
  /** Liveness probe that also tells the client which instance answered. */
  'system:ping': (payload: Record<string, never>, ack: (result: Ack<{ instanceId: string; at: string }>) => void) => void;
}

export const CLIENT_EVENTS = ['organisation:follow', 'organisation:unfollow', 'system:ping'] as const satisfies readonly (keyof ClientToServerEvents)[];

/** Reasons the server gives when it refuses a handshake (`connect_error` `message`). */
export enum HandshakeRefusal {
  MISSING_TOKEN = 'MISSING_TOKEN',
  INVALID_TOKEN = 'INVALID_TOKEN',
  TOKEN_EXPIRED = 'TOKEN_EXPIRED',
  ORIGIN_NOT_ALLOWED = 'ORIGIN_NOT_ALLOWED',
}

/** The events each namespace handles; anything else is answered "unknown event". */
export const NAMESPACE_CLIENT_EVENTS: Readonly<Record<string, readonly string[]>> = {
  '/': CLIENT_EVENTS,
  [CHAT_NAMESPACE]: CHAT_CLIENT_EVENTS,
  [CANVAS_NAMESPACE]: CANVAS_CLIENT_EVENTS,
};
