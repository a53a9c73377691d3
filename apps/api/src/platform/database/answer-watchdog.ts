import type { Socket } from 'node:net';
import type { DataSource } from 'typeorm';

/** The parts of node-postgres's pool and client this needs (the `pg` types do not expose the socket). */
interface PooledClient {
  connection?: { stream?: Socket };
}
interface Pool {
  on(event: 'connect' | 'acquire', listener: (client: PooledClient) => void): void;
  on(event: 'release', listener: (error: unknown, client: PooledClient) => void): void;
}

const socketOf = (client: PooledClient): Socket | undefined => client.connection?.stream;

/**
 * Closes a checked-out connection that has heard nothing from the server for `silenceMs`.
 *
 * `statement_timeout` is enforced by the server: a server that hangs (frozen, a network partition that
 * drops packets) never sends the cancellation, the kernel keeps the TCP connection open, and the query
 * would wait for ever, holding its pooled connection. A connection is silent for longer than the
 * statement timeout only when the server is not answering at all, so after that the socket is destroyed:
 * the query fails at once with a connection error (answered SERVICE_UNAVAILABLE) and the pool drops the
 * connection instead of handing it, still waiting, to the next request. Idle pooled connections are not
 * watched (the pool's idle timeout closes them).
 */
export function watchForSilentServer(dataSource: DataSource, silenceMs: number): void {
  const pool = (dataSource.driver as unknown as { master?: Pool }).master;
  if (!pool || silenceMs <= 0) return;
  const watched = new WeakSet<Socket>();
  const watch = (client: PooledClient) => {
    const socket = socketOf(client);
    if (!socket || watched.has(socket)) return;
    watched.add(socket);
    socket.on('timeout', () => {
      socket.destroy(Object.assign(new Error(`no answer from the database within ${silenceMs} ms`), { code: 'ETIMEDOUT' }));
    });
  };
  pool.on('acquire', (client) => {
    watch(client);
    socketOf(client)?.setTimeout(silenceMs);
  });
  pool.on('release', (_error, client) => socketOf(client)?.setTimeout(0));
}
