import { io, type Socket } from 'socket.io-client';
import { freshToken, refreshSession } from './auth-fetch';
import { getSessionState, subscribeSession } from './session';

/** A chat message as the `/chat` namespace sends it (docs/realtime.md, "Events"). */
export interface ChatMessageEvent {
  id: string;
  channelId: string;
  seq: number;
  revision: number;
  authorId: string | null;
  clientId: string;
  body: string;
  language: string | null;
  threadRootId: string | null;
  replyCount: number;
  mentions: string[];
  reactions: { emoji: string; count: number; userIds: string[] }[];
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
}

export interface ChatSendResult {
  messageId: string;
  seq: number;
  revision: number;
  createdAt: string;
  duplicate: boolean;
}

export type ChatAck<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; fields?: string[] } };

export interface ChannelListener {
  message(message: ChatMessageEvent): void;
  updated(message: ChatMessageEvent): void;
  /** Someone else is typing in the channel, to be shown until `until` unless renewed. */
  typing?(event: { userId: string; until: string }): void;
}

interface Followed {
  seq: number;
  revision: number;
  listeners: Set<ChannelListener>;
}

/** How long an ack may take before the send counts as lost; the outbox then sends it again with its client id. */
const ACK_TIMEOUT_MS = 10_000;
const RETRY_AFTER_REFUSAL_MS = 2_000;

/**
 * One `/chat` connection per tab. It remembers, per followed channel, the highest seq and revision it
 * has seen and sends them in `chat:join` on every (re)connection, so the hub replays exactly what was
 * missed: no gap, no duplicate, order kept. Sends go out only while connected: an emit socket.io buffers
 * while disconnected would race the outbox's own resend.
 */
class ChatConnection {
  private socket: Socket | null = null;
  private readonly channels = new Map<string, Followed>();
  private readonly connectionListeners = new Set<(connected: boolean) => void>();

  private ensure(): Socket {
    if (this.socket) return this.socket;
    const socket = io('/chat', {
      transports: ['websocket'],
      autoConnect: false,
      auth: (cb) => {
        void freshToken().then((token) => cb({ token }));
      },
    });
    socket.on('connect', () => {
      for (const [channelId, state] of this.channels) this.join(channelId, state);
      this.notify(true);
    });
    socket.on('disconnect', () => this.notify(false));
    socket.on('connect_error', () => {
      // A refused handshake (expired token) is not retried by socket.io itself; a lost network is.
      if (socket.active) return;
      void refreshSession().finally(() => setTimeout(() => this.connectIfOnline(), RETRY_AFTER_REFUSAL_MS));
    });
    socket.on('chat:message', (message: ChatMessageEvent) => {
      const state = this.channels.get(message.channelId);
      if (!state || message.seq <= state.seq) return;
      state.seq = message.seq;
      state.revision = Math.max(state.revision, message.revision);
      for (const listener of state.listeners) listener.message(message);
    });
    socket.on('chat:message:updated', (message: ChatMessageEvent) => {
      const state = this.channels.get(message.channelId);
      if (!state) return;
      state.revision = Math.max(state.revision, message.revision);
      for (const listener of state.listeners) listener.updated(message);
    });
    socket.on('chat:synced', (synced: { channelId: string; seq: number; revision: number }) => {
      const state = this.channels.get(synced.channelId);
      if (!state) return;
      state.seq = Math.max(state.seq, synced.seq);
      state.revision = Math.max(state.revision, synced.revision);
    });
    socket.on('chat:typing', (event: { channelId: string; userId: string; until: string }) => {
      for (const listener of this.channels.get(event.channelId)?.listeners ?? []) listener.typing?.(event);
    });
    // The browser knows before the socket does: leave at once, come back as soon as the network does.
    window.addEventListener('offline', () => socket.disconnect());
    window.addEventListener('online', () => this.connectIfOnline());
    this.socket = socket;
    return socket;
  }

  private connectIfOnline(): void {
    const socket = this.ensure();
    if (navigator.onLine && !socket.connected) socket.connect();
  }

  private join(channelId: string, state: Followed): void {
    this.socket?.emit('chat:join', { channelId, afterSeq: state.seq, afterRevision: state.revision });
  }

  private notify(connected: boolean): void {
    for (const listener of this.connectionListeners) listener(connected);
  }

  close(): void {
    this.channels.clear();
    this.socket?.disconnect();
  }

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  onConnection(listener: (connected: boolean) => void): () => void {
    this.connectionListeners.add(listener);
    this.connectIfOnline();
    return () => this.connectionListeners.delete(listener);
  }

  /**
   * Follows a channel from the seq and revision the caller already holds (from its history page); the
   * hub replays anything newer, then streams live changes.
   */
  follow(channelId: string, from: { seq: number; revision: number }, listener: ChannelListener): () => void {
    let state = this.channels.get(channelId);
    if (!state) {
      state = { seq: from.seq, revision: from.revision, listeners: new Set() };
      this.channels.set(channelId, state);
      if (this.socket?.connected) this.join(channelId, state);
    }
    state.listeners.add(listener);
    this.connectIfOnline();
    return () => {
      const current = this.channels.get(channelId);
      if (!current) return;
      current.listeners.delete(listener);
      if (current.listeners.size > 0) return;
      this.channels.delete(channelId);
      if (this.socket?.connected) this.socket.emit('chat:leave', { channelId });
    };
  }

  /** Tells the channel's other sockets this user is typing; the hub relays it at most every 2 s per user. */
  typing(channelId: string): void {
    if (this.socket?.connected) this.socket.emit('chat:typing', { channelId });
  }

  /** Sends one message; rejects when not connected or when no ack came in time (the caller keeps it). */
  send(payload: { channelId: string; clientId: string; body: string }): Promise<ChatAck<ChatSendResult>> {
    const socket = this.ensure();
    if (!socket.connected) return Promise.reject(new Error('not connected'));
    return socket.timeout(ACK_TIMEOUT_MS).emitWithAck('chat:send', payload) as Promise<ChatAck<ChatSendResult>>;
  }
}

export const chatConnection = new ChatConnection();

// Signing out ends the connection: the next user of this tab connects with their own token.
subscribeSession(() => {
  if (getSessionState().kind === 'signedOut') chatConnection.close();
});
