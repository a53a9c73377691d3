import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * The embedded PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) served over the wire protocol on
 * a loopback port, so the hub talks to it through the same `pg` driver it uses in production.
 *
 * PGlite multiplexes every client connection onto one session: an open transaction holds the whole
 * database until it ends. Code must never wait on a second connection inside a transaction.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
  ) {}

  static async start(dataDir: string, port = 0): Promise<EmbeddedPostgres> {
    const location = dataDir.startsWith('memory://') ? dataDir : resolve(dataDir, 'pg');
    if (!location.startsWith('memory://')) mkdirSync(location, { recursive: true });
    // pg_trgm (typo matching in search) is a contrib extension PGlite loads only when given here;
    // the TrigramSearch migration then creates it, as on a PostgreSQL server.
    const db = await PGlite.create(location, { extensions: { pg_trgm } });
    const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 100 });
    await server.start();
    const address = (server as unknown as { server?: { address(): { port: number } | string | null } }).server?.address();
    const boundPort = typeof address === 'object' && address ? address.port : port;
    return new EmbeddedPostgres(db, server, `postgres://postgres@127.0.0.1:${boundPort}/postgres`);
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
  }
}
