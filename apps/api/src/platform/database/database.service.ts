import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import pg from 'pg';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { EmbeddedPostgres, dataSourceOptions } from '@app/database';
import { ENTITIES } from '@api/database.entities.js';
import { QueryTrace } from './query-trace.js';
import { withoutPreparedStatements } from './prepared.js';
import { asUnreachable } from './database-unreachable.error.js';
import { watchForSilentServer } from './answer-watchdog.js';

/** A statement still unanswered this long after the statement timeout means the server is not answering. */
const SILENCE_MARGIN_MS = 1_000;

/** Serialises migrations when several instances start at once against one database. */
const MIGRATION_LOCK_KEY = 724_311_001;

/**
 * Owns the connection to PostgreSQL: the server named by DATABASE_URL, or the embedded one started
 * here. Migrations run at start under an advisory lock; on shutdown the pool is drained before the
 * embedded server stops, so no acknowledged write is cut off.
 */
@Injectable()
export class DatabaseService implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseService.name);
  private embedded?: EmbeddedPostgres;
  private source?: DataSource;
  /** Present when DATABASE_TRACE_QUERIES is on. */
  readonly trace?: QueryTrace;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    if (config.database.traceQueries) this.trace = new QueryTrace();
  }

  get dataSource(): DataSource {
    if (!this.source) throw new Error('DatabaseService used before connect()');
    return this.source;
  }

  get isEmbedded(): boolean {
    return this.embedded !== undefined;
  }

  async connect(): Promise<DataSource> {
    let url = this.config.database.url;
    let poolSize = this.config.database.poolSize;
    if (!url) {
      this.embedded = await EmbeddedPostgres.start(this.config.database.dataDir, this.config.database.embeddedPort);
      url = this.embedded.url;
      // PGlite runs one session for every connection, and statements of concurrent connections can
      // interleave there (seen: "portal does not exist" under parallel writes). One connection queues
      // them instead; nothing is lost, the embedded database is a single-instance setup anyway.
      poolSize = 1;
      this.logger.log(`embedded PostgreSQL (PGlite) running, data in ${this.config.database.dataDir}`);
    }
    this.url = url;
    const limits = this.connectionLimits();
    const source = new DataSource(dataSourceOptions({ url, poolSize, entities: ENTITIES, logger: this.trace, ...limits }));
    try {
      await source.initialize();
    } catch (error) {
      throw asUnreachable(url, error);
    }
    if (limits.statementTimeoutMs) watchForSilentServer(source, limits.statementTimeoutMs + SILENCE_MARGIN_MS);
    // PGlite serves every connection from one session: named statements of two connections would collide.
    if (this.embedded || !this.config.database.preparedStatements) withoutPreparedStatements(source);
    this.source = source;
    if (this.config.database.runMigrations) {
      await this.withAdvisoryLock(MIGRATION_LOCK_KEY, async () => {
        const applied = await source.runMigrations({ transaction: 'each' });
        if (applied.length > 0) this.logger.log(`applied migrations: ${applied.map((m) => m.name).join(', ')}`);
      });
    }
    return source;
  }

  private url?: string;

  /**
   * The timeouts for a PostgreSQL server. The embedded PGlite gets none of them: it accepts the
   * settings but does not enforce them (a `pg_sleep(1)` under a 200 ms statement_timeout completes), it
   * runs in this process so it cannot hang apart from it, and its single connection queues every
   * statement, so a short wait for it would refuse ordinary bursts. It keeps a 10 s wait.
   */
  private connectionLimits(): { statementTimeoutMs?: number; lockTimeoutMs?: number; idleInTransactionTimeoutMs?: number; poolWaitMs: number } {
    if (this.embedded) return { poolWaitMs: 10_000 };
    const { statementTimeoutMs, lockTimeoutMs, idleInTransactionTimeoutMs, poolWaitMs } = this.config.database;
    return { statementTimeoutMs, lockTimeoutMs, idleInTransactionTimeoutMs, poolWaitMs };
  }

  /**
   * Runs `work` while holding a PostgreSQL advisory lock, so instances starting together take turns
   * (migrations, demo seeding). The lock lives on its own connection, outside the pool, so `work` may
   * use the pool freely even when the pool has a single connection.
   */
  async withAdvisoryLock<T>(key: number, work: () => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'innomed-hub-lock' });
    await client.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [key]);
      return await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined);
      await client.end().catch(() => undefined);
    }
  }

  /** Runs `work` in one transaction. Never await another connection inside it (see DEVELOPERS notes). */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.source?.isInitialized) await this.source.destroy();
    if (this.embedded) await this.embedded.stop();
  }
}
