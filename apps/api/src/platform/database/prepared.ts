import type { DataSource } from 'typeorm';
import { QueryFailedError } from 'typeorm';

interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * Runs a hot statement as a named prepared statement on the pool's connections, so PostgreSQL parses
 * and plans it once per connection instead of on every call. For the chat send, planning cost more than
 * executing (measured with EXPLAIN: about 0.5 ms planning against 0.3 ms execution). Errors come back
 * as TypeORM's QueryFailedError, like every other query, so callers and the error mapping see one shape.
 */
const plainOnly = new WeakSet<DataSource>();

/** This data source runs every statement unprepared (see DatabaseService.connect). */
export function withoutPreparedStatements(dataSource: DataSource): void {
  plainOnly.add(dataSource);
}

export async function queryPrepared<T = Record<string, unknown>>(dataSource: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  const pool = (dataSource.driver as unknown as { master?: PgPool }).master;
  if (!pool || plainOnly.has(dataSource)) return dataSource.query(text, values);
  try {
    return (await pool.query({ name, text, values })).rows as T[];
  } catch (error) {
    // Connection failures keep their own shape (the error mapping recognises them); SQL errors get TypeORM's.
    if (error instanceof Error && 'code' in error && typeof (error as { severity?: unknown }).severity === 'string') throw new QueryFailedError(text, values, error);
    throw error;
  }
}
