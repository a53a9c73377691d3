import { io, type Socket } from 'socket.io-client';
import { CHAT_NAMESPACE, type Ack, type ChatClientToServerEvents, type ChatMessagePayload, type ChatServerToClientEvents } from '@app/contracts';

export type ChatSocket = Socket<ChatServerToClientEvents, ChatClientToServerEvents>;

/** What one client has seen of one channel. */
export interface ChannelView {
  seq: number;
  revision: number;
  /** Messages in the order received; must be seq 1, 2, 3… with nothing twice. */
  messages: ChatMessagePayload[];
  /** Latest state of each message by id (after updates). */
  latest: Map<string, ChatMessagePayload>;
  /** Anything received out of order or twice; a correct server leaves it empty. */
  violations: string[];
  synced: number;
}

/**
 * A `/chat` client as a real application would write one: it remembers, per channel, the last seq and
 * revision it saw, checks that messages arrive in order and once, and on reconnect (to any instance)
 * joins again from where it was.
 */
export class ChatTestClient {
  readonly channels = new Map<string, ChannelView>();
  private waiters: (() => void)[] = [];
  socket!: ChatSocket;
  /** How many times this client had to connect again. */
  reconnects = 0;

  private constructor(private readonly token: string) {}

  static async connect(baseUrl: string, token: string): Promise<ChatTestClient> {
    const client = new ChatTestClient(token);
    await client.open(baseUrl);
    return client;
  }

  private async open(baseUrl: string): Promise<void> {
    const socket: ChatSocket = io(baseUrl + CHAT_NAMESPACE, { transports: ['websocket'], auth: { token: this.token }, reconnection: false, forceNew: true, timeout: 5000 });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error) => {
        socket.close();
        reject(error);
      });
    });
    socket.on('chat:message', (message) => this.received(message, false));
    socket.on('chat:message:updated', (message) => this.received(message, true));
    socket.on('chat:synced', ({ channelId, revision }) => {
      const view = this.view(channelId);
      view.revision = Math.max(view.revision, revision);
      view.synced += 1;
      this.wake();
    });
    this.socket = socket;
  }

  view(channelId: string): ChannelView {
    let view = this.channels.get(channelId);
    if (!view) this.channels.set(channelId, (view = { seq: 0, revision: 0, messages: [], latest: new Map(), violations: [], synced: 0 }));
    return view;
  }

  private received(message: ChatMessagePayload, update: boolean): void {
    const view = this.view(message.channelId);
    if (update) {
      if (!view.latest.has(message.id)) view.violations.push(`update of unseen message seq ${message.seq}`);
    } else if (message.seq !== view.seq + 1) {
      view.violations.push(`expected seq ${view.seq + 1}, got ${message.seq}`);
    }
    if (!update) {
      view.seq = Math.max(view.seq, message.seq);
      view.messages.push(message);
    }
    const known = view.latest.get(message.id);
    if (!known || known.revision <= message.revision) view.latest.set(message.id, message);
    view.revision = Math.max(view.revision, message.revision);
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }

  /** Resolves when `condition` holds, re-checked on every event; rejects after `timeoutMs`. */
  until(condition: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${what} not reached within ${timeoutMs} ms`)), timeoutMs);
      const check = () => {
        if (condition()) {
          clearTimeout(timer);
          resolve();
        } else {
          this.waiters.push(check);
        }
      };
      check();
    });
  }

  /** Sends an event and waits for its ack (rejecting if none comes in time). */
  async request<T>(event: keyof ChatClientToServerEvents, payload: unknown, timeoutMs = 10_000): Promise<Ack<T>> {
    return (this.socket.timeout(timeoutMs) as unknown as { emitWithAck(e: string, p: unknown): Promise<Ack<T>> }).emitWithAck(event, payload);
  }

  /** Joins from the last position seen and waits for the catch-up to finish. */
  async join(channelId: string): Promise<Ack<{ lastSeq: number; revision: number; lastReadSeq: number }>> {
    const view = this.view(channelId);
    const syncedBefore = view.synced;
    const ack = await this.request<{ lastSeq: number; revision: number; lastReadSeq: number }>('chat:join', { channelId, afterSeq: view.seq, afterRevision: view.revision });
    if (ack.ok) await this.until(() => view.synced > syncedBefore, 15_000, `catch-up of ${channelId}`);
    return ack;
  }

  send(channelId: string, clientId: string, body: string, extra: Record<string, unknown> = {}) {
    return this.request<{ messageId: string; seq: number; revision: number; createdAt: string; duplicate: boolean }>('chat:send', { channelId, clientId, body, ...extra });
  }

  /** Connects a new socket (to any instance) and joins every channel again from where it was. */
  async reconnect(baseUrl: string): Promise<void> {
    this.socket.close();
    this.reconnects += 1;
    await this.open(baseUrl);
    for (const channelId of this.channels.keys()) {
      const ack = await this.join(channelId);
      if (!ack.ok) throw new Error(`rejoin failed: ${JSON.stringify(ack.error)}`);
    }
  }

  close(): void {
    this.socket?.close();
  }
}
