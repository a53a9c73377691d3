import { io, type Socket } from 'socket.io-client';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { ClientToServerEvents, ServerToClientEvents } from '@app/contracts';

export type HubSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A socket.io client; resolves once connected, rejects with the server's refusal reason. */
export function connectSocket(baseUrl: string, token: string | undefined, extraHeaders: Record<string, string> = {}): Promise<HubSocket> {
  const socket: HubSocket = io(baseUrl, { transports: ['websocket'], auth: token ? { token } : {}, extraHeaders, reconnection: false, forceNew: true, timeout: 5000 });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Waits for one server event, with a deadline so a missing event fails the test instead of hanging. */
export function nextEvent<E extends keyof ServerToClientEvents>(socket: HubSocket, event: E, timeoutMs = 5000): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${String(event)} within ${timeoutMs} ms`)), timeoutMs);
    (socket as unknown as { once(e: string, cb: (p: unknown) => void): void }).once(String(event), (payload) => {
      clearTimeout(timer);
      resolve(payload as Parameters<ServerToClientEvents[E]>[0]);
    });
  });
}

export function graphqlWsClient(baseUrl: string, token: string | undefined, headers: Record<string, string> = {}): Client {
  const url = baseUrl.replace(/^http/, 'ws') + '/graphql';
  class HeaderWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return createClient({ url, webSocketImpl: HeaderWebSocket, connectionParams: token ? { authorization: `Bearer ${token}` } : {}, retryAttempts: 0, lazy: true });
}

/** Subscribes and collects results; `next()` awaits the following one with a deadline. */
export function subscribe<T>(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const queue: { data?: T | null; errors?: unknown }[] = [];
  const waiters: ((value: { data?: T | null; errors?: unknown }) => void)[] = [];
  let closed: unknown;
  const push = (value: { data?: T | null; errors?: unknown }) => {
    const waiter = waiters.shift();
    if (waiter) waiter(value);
    else queue.push(value);
  };
  const dispose = client.subscribe<T>({ query, variables }, {
    next: (value) => push(value as { data?: T | null; errors?: unknown }),
    error: (error) => {
      closed = error;
      push({ errors: error });
    },
    complete: () => undefined,
  });
  return {
    dispose,
    get closedWith() {
      return closed;
    },
    next(timeoutMs = 5000): Promise<{ data?: T | null; errors?: unknown }> {
      const queued = queue.shift();
      if (queued) return Promise.resolve(queued);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no subscription result within ${timeoutMs} ms`)), timeoutMs);
        waiters.push((value) => {
          clearTimeout(timer);
          resolve(value);
        });
      });
    },
  };
}
