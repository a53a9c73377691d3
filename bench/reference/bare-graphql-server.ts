/**
 * The bare reference for the graphql-baseline scenario: the smallest honest server that answers the
 * same `me` query from the same table with the same token checks as the hub. Apollo Server with its
 * standalone HTTP server, `jsonwebtoken`, and a `pg` pool; no framework, no validation pipes, no
 * metrics, no security rules beyond verifying the token.
 *
 * Environment: PORT, DATABASE_URL, JWT_SECRET, DB_POOL_SIZE (defaults to the hub's pool size, 10).
 */
import { unauthenticated } from './access-token.js';
import { referencePool, serveReference, type ReferenceContext } from './serve.js';

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


interface UserRow {
  id: string;
  display_name: string;
  preferred_languages: string[];
  country: string | null;
  time_zone: string;
}

const pool = referencePool();

const resolvers = {
  Query: {
    me: async (_parent: unknown, _args: unknown, context: ReferenceContext) => {
      if (!context.caller) throw unauthenticated();
      const result = await pool.query<UserRow>('SELECT id, display_name, preferred_languages, country, time_zone FROM users WHERE id = $1', [context.caller.id]);
      const row = result.rows[0];
      if (!row) throw unauthenticated();
      return { id: row.id, displayName: row.display_name, preferredLanguages: row.preferred_languages, country: row.country, timeZone: row.time_zone };
    },
  },
};

await serveReference(typeDefs, resolvers, pool);
