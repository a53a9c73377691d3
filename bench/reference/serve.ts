/**
 * What every bare reference shares: its settings from the environment (PORT, JWT_SECRET,
 * DATABASE_URL, DB_POOL_SIZE), the token check in the GraphQL context, Apollo's standalone server,
 * and a clean stop on SIGTERM or SIGINT.
 */
import { ApolloServer, type ApolloServerOptions } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import pg from 'pg';
import { secretKey, verifyAccessToken, type Caller } from './access-token.js';

export interface ReferenceContext {
  caller: Caller | null;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

/** The pool a reference reads with, sized like the hub's. */
export function referencePool(): pg.Pool {
  return new pg.Pool({ connectionString: required('DATABASE_URL'), max: Number(process.env.DB_POOL_SIZE ?? '10') });
}

export async function serveReference(typeDefs: string, resolvers: NonNullable<ApolloServerOptions<ReferenceContext>['resolvers']>, pool: pg.Pool): Promise<void> {
  const port = Number(required('PORT'));
  const secret = secretKey(required('JWT_SECRET'));
  const server = new ApolloServer<ReferenceContext>({ typeDefs, resolvers, introspection: false });
  const { url } = await startStandaloneServer(server, {
    listen: { port, host: '127.0.0.1' },
    context: ({ req }) => Promise.resolve({ caller: verifyAccessToken(req.headers.authorization, secret) }),
  });

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    await pool.end();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
  console.log(`bare reference listening at ${url}`);
}
