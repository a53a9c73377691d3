import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';
import { MIGRATIONS } from './migrations/index.js';

export interface DataSourceInputs {
  url: string;
  poolSize: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  applicationName?: string;
  /** Milliseconds, 0 = none; PostgreSQL settings sent with every connection's startup (servers only). */
  statementTimeoutMs?: number;
  lockTimeoutMs?: number;
  idleInTransactionTimeoutMs?: number;
  /** How long a query waits for a pooled or new connection before failing. */
  poolWaitMs?: number;
  /** Receives every statement when set (see QueryTrace in the app). */
  logger?: DataSourceOptions['logger'];
}

/**
 * The one description of the database connection, used by the app, the migration scripts and the
 * tests alike. `synchronize` is off everywhere: the schema changes only through committed migrations.
 */
export function dataSourceOptions(inputs: DataSourceInputs): DataSourceOptions {
  return {
    type: 'postgres',
    url: inputs.url,
    entities: inputs.entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+ (and PGlite): no extension to install.
    uuidExtension: 'pgcrypto',
    namingStrategy: new SnakeNamingStrategy(),
    applicationName: inputs.applicationName ?? 'innomed-hub',
    extra: {
      max: inputs.poolSize,
      connectionTimeoutMillis: inputs.poolWaitMs ?? 10_000,
      // Startup parameters rather than SET: they hold for the connection's whole life, cost no round
      // trip, and are not lost or leaked by pooling. Zero or absent leaves the server's default.
      ...(inputs.statementTimeoutMs ? { statement_timeout: inputs.statementTimeoutMs } : {}),
      ...(inputs.lockTimeoutMs ? { lock_timeout: inputs.lockTimeoutMs } : {}),
      ...(inputs.idleInTransactionTimeoutMs ? { idle_in_transaction_session_timeout: inputs.idleInTransactionTimeoutMs } : {}),
    },
    ...(inputs.logger ? { logger: inputs.logger, logging: ['query' as const, 'error' as const] } : {}),
  };
}
