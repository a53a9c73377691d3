/**
 * The bare reference for the challenge-feed scenario: Apollo Server's standalone server, the same
 * token checks as the hub, and one hand-written SQL statement per feed page through a `pg` pool. The
 * schema carries only the fields the scenario asks for; the statement reads only the columns they
 * need. Same visibility rule as the hub (a network is visible when it is public or one of the
 * viewer's organisations belongs to it; a draft only to the members of its posting organisation),
 * same filters, same order (newest first, or by rank when searching: `ts_rank` of the search
 * document against the term parsed with each language configuration plus `simple`, OR'ed, rounded
 * to six decimals, ties by id) and the same keyset cursors, so both answer a request with the same page.
 *
 * Environment: PORT, DATABASE_URL, JWT_SECRET, DB_POOL_SIZE (defaults to the hub's pool size, 10).
 */
import { GraphQLError } from 'graphql';
import { unauthenticated } from './access-token.js';
import { referencePool, serveReference, type ReferenceContext } from './serve.js';

const typeDefs = /* GraphQL */ `
  scalar DateTime

  enum ChallengeStatus {
    DRAFT
    OPEN
    IN_PROGRESS
    SOLVED
    CLOSED
  }

  enum ResolveLever {
    REGENERATE
    SHARE
    OPTIMISE
    LOOP
    VIRTUALISE
    EXCHANGE
  }

  enum CciSubsector {
    ARCHITECTURE
    ARCHIVES_LIBRARIES_MUSEUMS
    ARTISTIC_CRAFTS
    AUDIOVISUAL_MULTIMEDIA
    CULTURAL_HERITAGE
    DESIGN_FASHION
    DESIGN_GRAPHIC
    DESIGN_INTERIOR
    DESIGN_PRODUCT
    FESTIVALS
    MUSIC
    PERFORMING_ARTS
    PUBLISHING
    VISUAL_ARTS
  }

  type User {
    id: ID!
    displayName: String!
  }

  type Organisation {
    id: ID!
    name: String!
    country: String!
  }

  type Network {
    id: ID!
    name: String!
  }

  type Challenge {
    id: ID!
    title: String!
    status: ChallengeStatus!
    answerCount: Int!
    voteScore: Int!
    lastActivityAt: DateTime!
    viewerFollows: Boolean!
    author: User
    organisation: Organisation!
    network: Network!
  }

  type PageInfo {
    endCursor: String
    hasNextPage: Boolean!
  }

  type ChallengeConnection {
    nodes: [Challenge!]!
    pageInfo: PageInfo!
  }

  input ChallengeFilter {
    networkId: ID
    status: ChallengeStatus
    country: String
    lever: ResolveLever
    subsector: CciSubsector
    tag: String
    search: String
  }

  type Query {
    challenges(filter: ChallengeFilter, first: Int! = 20, after: String): ChallengeConnection!
  }
`;


interface Filter {
  networkId?: string | null;
  status?: string | null;
  country?: string | null;
  lever?: string | null;
  subsector?: string | null;
  tag?: string | null;
  search?: string | null;
}

interface Row {
  id: string;
  title: string;
  status: string;
  answer_count: number;
  vote_score: number;
  last_activity_at: Date;
  created_at: Date;
  viewer_follows: boolean;
  author_id: string | null;
  author_name: string | null;
  organisation_id: string;
  organisation_name: string;
  organisation_country: string;
  network_id: string;
  network_name: string;
  rank: string | null;
}

const pool = referencePool();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const badInput = (message: string): GraphQLError => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

/** The hub's cursor format: base64url of `[key, id]`, the key a timestamp (or a rank when searching). */
function decodeCursor(value: string, searching: boolean): { key: string; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string' && UUID.test(parsed[1])) {
      const [key, id] = parsed as [string, string];
      if (searching ? /^\d+(\.\d+)?$/.test(key) : !Number.isNaN(Date.parse(key))) return { key, id };
    }
  } catch {
    // fall through to the refusal below
  }
  throw badInput('The cursor is not one this server gave out.');
}

const encodeCursor = (key: string, id: string): string => Buffer.from(JSON.stringify([key, id])).toString('base64url');

async function feed(viewerId: string, filter: Filter, first: number, after: string | undefined) {
  if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first must be between 1 and 100.');
  if (filter.networkId && !UUID.test(filter.networkId)) throw badInput('networkId must be a UUID.');
  const search = filter.search?.trim() || null;
  const cursor = after ? decodeCursor(after, search !== null) : null;

  const params: unknown[] = [viewerId];
  const p = (value: unknown): string => `$${params.push(value)}`;
  const where: string[] = [];
  if (filter.networkId) where.push(`c.network_id = ${p(filter.networkId)}`);
  if (filter.status) where.push(`c.status = ${p(filter.status)}`);
  if (filter.country) where.push(`o.country = ${p(filter.country.toUpperCase())}`);
  if (filter.lever) where.push(`c.levers @> ARRAY[${p(filter.lever)}::text]`);
  if (filter.subsector) where.push(`c.subsectors @> ARRAY[${p(filter.subsector)}::text]`);
  if (filter.tag) where.push(`c.materials @> ARRAY[${p(filter.tag.trim().toLowerCase())}::text]`);

  let from = '';
  let rank = 'NULL::numeric';
  let order = 'c.created_at DESC, c.id DESC';
  if (search !== null) {
    const term = p(search);
    from = `CROSS JOIN (SELECT websearch_to_tsquery('italian', ${term}) || websearch_to_tsquery('greek', ${term}) || websearch_to_tsquery('french', ${term})
                         || websearch_to_tsquery('arabic', ${term}) || websearch_to_tsquery('english', ${term}) || websearch_to_tsquery('simple', ${term}) AS query) q`;
    where.push('c.search_document @@ q.query');
    rank = 'round(ts_rank(c.search_document, q.query)::numeric, 6)';
    order = 'rank DESC, c.id DESC';
    if (cursor) where.push(`(${rank}, c.id) < (${p(cursor.key)}::numeric, ${p(cursor.id)}::uuid)`);
  } else if (cursor) {
    where.push(`(c.created_at, c.id) < (${p(cursor.key)}::timestamptz, ${p(cursor.id)}::uuid)`);
  }

  const result = await pool.query<Row>(
    `SELECT c.id, c.title, c.status, c.answer_count, c.vote_score, c.last_activity_at, c.created_at,
            u.id AS author_id, u.display_name AS author_name,
            o.id AS organisation_id, o.name AS organisation_name, o.country AS organisation_country,
            n.id AS network_id, n.name AS network_name,
            EXISTS (SELECT 1 FROM challenge_follows f WHERE f.challenge_id = c.id AND f.user_id = $1) AS viewer_follows,
            ${rank}::text AS rank
       FROM challenges c
       JOIN networks n ON n.id = c.network_id
       JOIN organisations o ON o.id = c.organisation_id
       LEFT JOIN users u ON u.id = c.author_id
       ${from}
      WHERE (n.visibility = 'PUBLIC'
             OR c.network_id IN (SELECT nm.network_id FROM network_memberships nm JOIN organisation_memberships om ON om.organisation_id = nm.organisation_id WHERE om.user_id = $1))
        AND (c.status <> 'DRAFT' OR c.organisation_id IN (SELECT om.organisation_id FROM organisation_memberships om WHERE om.user_id = $1))
        ${where.map((condition) => `AND ${condition}`).join('\n        ')}
      ORDER BY ${order}
      LIMIT ${p(first + 1)}`,
    params,
  );

  const hasNextPage = result.rows.length > first;
  const rows = hasNextPage ? result.rows.slice(0, first) : result.rows;
  const last = rows[rows.length - 1];
  return {
    nodes: rows.map((row) => ({
      id: row.id,
      title: row.title,
      status: row.status,
      answerCount: row.answer_count,
      voteScore: row.vote_score,
      lastActivityAt: row.last_activity_at.toISOString(),
      viewerFollows: row.viewer_follows,
      author: row.author_id ? { id: row.author_id, displayName: row.author_name } : null,
      organisation: { id: row.organisation_id, name: row.organisation_name, country: row.organisation_country },
      network: { id: row.network_id, name: row.network_name },
    })),
    pageInfo: {
      hasNextPage,
      endCursor: last ? encodeCursor(search !== null ? (last.rank ?? '0') : last.created_at.toISOString(), last.id) : null,
    },
  };
}

const resolvers = {
  Query: {
    challenges: (_parent: unknown, args: { filter?: Filter | null; first: number; after?: string | null }, context: ReferenceContext) => {
      if (!context.caller) throw unauthenticated();
      return feed(context.caller.id, args.filter ?? {}, args.first, args.after ?? undefined);
    },
  },
};

await serveReference(typeDefs, resolvers, pool);
