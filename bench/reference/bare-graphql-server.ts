/**
 * The bare reference for the graphql-baseline scenario: the smallest honest server that answers the
 * same `me` query from the same table with the same token checks as the hub. Apollo Server with its
 * standalone HTTP server, `jsonwebtoken`, and a `pg` pool; no framework, no validation pipes, no
 * metrics, no security rules beyond verifying the token.
 *
 * Environment: PORT, DATABASE_URL, JWT_SECRET, DB_POOL_SIZE (defaults to the hub's pool size, 10).
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import pg from 'pg';
import { secretKey, unauthenticated, verifyAccessToken, type Caller } from './access-token.js';

const typeDefs = /* GraphQL */ `
  type User {
    id: ID!
    displayName: String!
    preferredLanguages: [String!]!
    country: String
    timeZone: String!
  }

  type Query {
    me: User!
  }
`;

interface Context {
  caller: Caller | null;
}

interface UserRow {
  id: string;
  display_name: string;
  preferred_languages: string[];
  country: string | null;
  time_zone: string;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

const port = Number(required('PORT'));
const secret = secretKey(required('JWT_SECRET'));
const pool = new pg.Pool({ connectionString: required('DATABASE_URL'), max: Number(process.env.DB_POOL_SIZE ?? '10') });

const resolvers = {
  Query: {
    me: async (_parent: unknown, _args: unknown, context: Context) => {
      if (!context.caller) throw unauthenticated();
      const result = await pool.query<UserRow>('SELECT id, display_name, preferred_languages, country, time_zone FROM users WHERE id = $1', [context.caller.id]);
      const row = result.rows[0];
      if (!row) throw unauthenticated();
      return { id: row.id, displayName: row.display_name, preferredLanguages: row.preferred_languages, country: row.country, timeZone: row.time_zone };
    },
  },
};

const server = new ApolloServer<Context>({ typeDefs, resolvers, introspection: false });
const { url } = await startStandaloneServer(server, {
  listen: { port, host: '127.0.0.1' },
  context: ({ req }) => Promise.resolve({ caller: verifyAccessToken(req.headers.authorization, secret) }),
});

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await server.stop();
  await pool.end();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());

console.log(`bare reference listening at ${url}`);
