// One database for the whole run. With DATABASE_URL set (CI) the suites use that server, after its
// public schema is emptied; otherwise an embedded PostgreSQL is started here and shared by every suite
// (Jest runs them in band, in this process). Plain ESM importing the build: `npm test` builds first.
import pg from 'pg';
import { EmbeddedPostgres } from '../../dist/apps/api/libs/database/src/index.js';

export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
    await client.end();
    process.env.TEST_DATABASE_KIND = 'external';
    return;
  }
  const embedded = await EmbeddedPostgres.start('memory://');
  globalThis.__embeddedPostgres = embedded;
  process.env.DATABASE_URL = embedded.url;
  process.env.TEST_DATABASE_KIND = 'embedded';
}
