import type { Ack } from './socket-events.js';

/**
 * The chat namespace (`/chat`) event catalogue. Delivery rules (docs/realtime.md):
 * - Every change in a channel (a new message, an edit, a delete, a reaction) takes the channel's next
 *   `revision`; a new message also takes the channel's next `seq`. Both rise by one with no gaps.
 * - After `chat:join`, a socket receives the channel's changes in revision order, each exactly once:
 *   first what it missed since the `afterSeq`/`afterRevision` it sent, then live ones. `chat:synced`
 *   marks the end of each catch-up.
 * - The sender's own message arrives in the stream like any other; the `chat:send` ack only confirms it.
 */
export const CHAT_NAMESPACE = '/chat';

export enum ChatChannelKind {
  /** One per network, for all its members. */
  NETWORK_GENERAL = 'NETWORK_GENERAL',
  /** Created by a network's admins, for all its members. */
  NETWORK_TOPIC = 'NETWORK_TOPIC',
  /** One per challenge: its followers, the posting organisation and answerers. */
  CHALLENGE = 'CHALLENGE',
  /** A direct conversation between 2 to 20 users of any organisations. */
  DIRECT = 'DIRECT',
  /** A matchmaking meeting's participants. */
  MEETING = 'MEETING',
  /** Two organisations talking about a symbiosis listing: the members of both. */
  SYMBIOSIS = 'SYMBIOSIS',
}

export enum PresenceStatus {
  ONLINE = 'ONLINE',
  AWAY = 'AWAY',
  OFFLINE = 'OFFLINE',
}

export interface ChatReactionPayload {
  emoji: string;
  count: number;
  /** Up to 20 of the users who reacted, oldest first. */
  userIds: string[];
}

export interface ChatMessagePayload {
  id: string;
  channelId: string;
  seq: number;
  /** The channel revision of this message's latest change. */
  revision: number;
  authorId: string | null;
  /** The id the sender generated; a resend with it returns this message. */
  clientId: string;
  /** Markdown, stored raw; empty when deleted. */
  body: string;
  /** ISO 639-1 language detected from the body, or null when too short to tell. */
  language: string | null;
  threadRootId: string | null;
  replyCount: number;
  mentions: string[];
  reactions: ChatReactionPayload[];
  createdAt: string;
  editedAt: string | null;
  /** Set when deleted: the message stays as a tombstone in its place. */
  deletedAt: string | null;
}

export interface ChatJoinPayload {
  channelId: string;
  /** The last seq the client saw in this channel; omitted or 0 for "from the beginning". */
  afterSeq?: number;
  /** The last revision the client saw; changes to older messages since then are replayed. Defaults to afterSeq's. */
  afterRevision?: number;
}

export interface ChatJoinResult {
  channelId: string;
  /** The channel's seq and revision when the join was answered; the catch-up reaches at least these. */
  lastSeq: number;
  revision: number;
  /** The caller's read marker. */
  lastReadSeq: number;
}

export interface ChatSendPayload {
  channelId: string;
  /** 1–64 characters of [A-Za-z0-9_-], unique per sender; a resend with it returns the original. */
  clientId: string;
  body: string;
  threadRootId?: string;
  /** Users mentioned in the body (at most 20); each must be able to read the channel. */
  mentions?: string[];
}

export interface ChatSendResult {
  messageId: string;
  seq: number;
  revision: number;
  createdAt: string;
  /** True when this was a resend of an already stored message: nothing new was stored or broadcast. */
  duplicate: boolean;
}

export interface ChatSyncedPayload {
  channelId: string;
  seq: number;
  revision: number;
}

export interface ChatTypingPayload {
  channelId: string;
  userId: string;
  /** Until when to show the indicator, unless renewed. */
  until: string;
}

export interface ChatReadMarkerPayload {
  channelId: string;
  lastReadSeq: number;
}

export interface PresencePayload {
  userId: string;
  status: PresenceStatus;
}

export interface ChatServerToClientEvents {
  'chat:message': (payload: ChatMessagePayload) => void;
  /** An edit, delete, reaction or reply-count change of a message the socket already received. */
  'chat:message:updated': (payload: ChatMessagePayload) => void;
  'chat:synced': (payload: ChatSyncedPayload) => void;
  'chat:typing': (payload: ChatTypingPayload) => void;
  /** The user's read marker moved (from another tab or device). */
  'chat:read-marker': (payload: ChatReadMarkerPayload) => void;
  'presence:changed': (payload: PresencePayload) => void;
  /** The socket no longer receives this channel: access ended or the channel was archived. */
  'chat:channel-closed': (payload: { channelId: string; reason: 'ACCESS_REVOKED' | 'ARCHIVED' }) => void;
  'session:ended': (payload: { reason: 'TOKEN_EXPIRED' | 'LOGGED_OUT' | 'SESSION_REVOKED' }) => void;
}

export interface ChatClientToServerEvents {
  'chat:join': (payload: ChatJoinPayload, ack: (result: Ack<ChatJoinResult>) => void) => void;
  'chat:leave': (payload: { channelId: string }, ack: (result: Ack) => void) => void;
  'chat:send': (payload: ChatSendPayload, ack: (result: Ack<ChatSendResult>) => void) => void;
  'chat:edit': (payload: { messageId: string; body: string; mentions?: string[] }, ack: (result: Ack<{ revision: number }>) => void) => void;
  'chat:delete': (payload: { messageId: string }, ack: (result: Ack<{ revision: number }>) => void) => void;
  /** Adds the reaction, or removes it when the caller already reacted with that emoji. */
  'chat:react': (payload: { messageId: string; emoji: string }, ack: (result: Ack<{ added: boolean; revision: number }>) => void) => void;
  'chat:read': (payload: { channelId: string; seq: number }, ack: (result: Ack<ChatReadMarkerPayload>) => void) => void;
  /** Ephemeral; at most one is relayed per user and channel every 2 seconds. */
  'chat:typing': (payload: { channelId: string }, ack?: (result: Ack) => void) => void;
  'presence:set': (payload: { status: PresenceStatus.ONLINE | PresenceStatus.AWAY }, ack: (result: Ack) => void) => void;
  /** Follow up to 200 users' presence (users sharing a network, organisation or conversation with the caller). */
  'presence:watch': (payload: { userIds: string[] }, ack: (result: Ack<{ statuses: PresencePayload[] }>) => void) => void;
}

export const CHAT_CLIENT_EVENTS = [
  'chat:join',
  'chat:leave',
  'chat:send',
  'chat:edit',
  'chat:delete',
  'chat:react',
  'chat:read',
  'chat:typing',
  'presence:set',
  'presence:watch',
] as const satisfies readonly (keyof ChatClientToServerEvents)[];
