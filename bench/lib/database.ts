import pg from 'pg';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/innomed_bench';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** The benchmark only talks to servers on this machine; a unix socket path counts as local too. */
export function assertLocalDatabase(url: string): void {
  const parsed = new URL(url);
  const socketHost = parsed.searchParams.get('host');
  const local = LOOPBACK_HOSTS.has(parsed.hostname) || /^127\./.test(parsed.hostname) || (parsed.hostname === '' && socketHost?.startsWith('/') === true);
  if (!local) throw new Error(`DATABASE_URL must point at this machine (loopback), not ${parsed.hostname}`);
}

/** Creates the database named in `url` when it is missing, connecting to the server's `postgres` database. */
export async function ensureDatabase(url: string): Promise<{ created: boolean }> {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!name) throw new Error(`DATABASE_URL names no database: ${url}`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return { created: false };
    await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    return { created: true };
  } finally {
    await client.end();
  }
}

/** Server version, recorded with the results. */
export async function databaseVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const result = await client.query<{ server_version: string }>('SHOW server_version');
    return result.rows[0]?.server_version ?? 'unknown';
  } finally {
    await client.end();
  }
}

/** The URL with its password masked, for logs and results. */
export function withoutPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** The same server and credentials with another database name. */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

/** The database name in `url`. */
export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

/**
 * Drops the database named in `url` when it exists, so a scenario starts from empty tables. Without
 * FORCE: a database someone is still connected to is refused rather than cut off.
 */
export async function dropDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  if (!name || name === 'postgres') throw new Error(`refusing to drop database "${name}"`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
