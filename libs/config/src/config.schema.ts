/**
 * Every environment variable the hub reads, in one place. `loadConfig` turns the raw environment into
 * a typed, validated `AppConfig` or throws a `ConfigError` naming each offending variable, so a wrong
 * value stops the boot instead of surfacing as a strange failure later.
 */
export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface AppConfig {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  /** Public base URL printed at start; derived from host and port when unset. */
  publicUrl: string;
  logLevel: LogLevel;
  database: {
    /** `undefined` means: run the embedded PostgreSQL (PGlite) under `dataDir`. */
    url: string | undefined;
    dataDir: string;
    embeddedPort: number;
    poolSize: number;
    runMigrations: boolean;
    /** Log (at debug) and count every SQL statement; for development and the statement-count tests. */
    traceQueries: boolean;
    /** Hot statements as named prepared statements; off for a PGlite shared by several processes. */
    preparedStatements: boolean;
    /**
     * Limits that keep a stuck query or a database that stopped answering from holding the pool
     * (milliseconds, 0 = none). The first three are PostgreSQL settings of every pooled connection and
     * apply to DATABASE_URL servers only (PGlite accepts them but does not enforce them).
     */
    statementTimeoutMs: number;
    lockTimeoutMs: number;
    idleInTransactionTimeoutMs: number;
    /** How long a query waits for a pooled connection (or for a new one to open) before SERVICE_UNAVAILABLE. */
    poolWaitMs: number;
  };
  redis: { url: string | undefined };
  auth: {
    /** `undefined` outside production: a secret is generated and kept under the data directory. */
    jwtSecret: string | undefined;
    accessTtlSeconds: number;
    refreshTtlSeconds: number;
    loginMaxFailuresPerAccount: number;
    loginMaxFailuresPerAddress: number;
    loginWindowSeconds: number;
    argon2MemoryKiB: number;
  };
  http: {
    allowedOrigins: string[];
    maxBodyBytes: number;
    trustProxy: boolean;
  };
  graphql: {
    introspection: boolean;
    maxDepth: number;
    maxAliases: number;
    maxDirectives: number;
    maxTokens: number;
    maxCost: number;
  };
  realtime: { maxPayloadBytes: number };
  chat: {
    /** Messages a user may send per second on one instance (token bucket), and the bucket's size. */
    sendRatePerSecond: number;
    sendBurst: number;
    /** How long a socket waits for a missing change before reading it from the database. */
    gapFillDelayMs: number;
  };
  canvas: {
    /** Updates one connection may send per second (token bucket with twice this as burst). */
    updatesPerSecond: number;
    maxUpdateBytes: number;
    /** Updates after which a canvas's log is folded into a snapshot. */
    compactAfter: number;
  };
  matchmaking: {
    /** A meeting's video room is this followed by the meeting id. */
    roomBaseUrl: string;
  };
  seedDemo: boolean;
  shutdownGraceMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export interface ConfigVariable {
  name: string;
  default: string;
  meaning: string;
}

/** The documented variables; the README's configuration table is written from this list. */
export const CONFIG_VARIABLES: ConfigVariable[] = [
  { name: 'NODE_ENV', default: 'development', meaning: 'development, production or test. Production requires JWT_SECRET and turns introspection and demo data off by default.' },
  { name: 'HOST', default: '127.0.0.1', meaning: 'Address the HTTP server binds to (0.0.0.0 in containers).' },
  { name: 'PORT', default: '3000', meaning: 'HTTP port for GraphQL, socket.io, health and metrics.' },
  { name: 'PUBLIC_URL', default: 'http://HOST:PORT', meaning: 'Base URL printed at start.' },
  { name: 'LOG_LEVEL', default: 'info', meaning: 'fatal, error, warn, info, debug, trace or silent. Logs are JSON lines on stdout.' },
  { name: 'DATABASE_URL', default: '(unset: embedded)', meaning: 'PostgreSQL connection URL. Unset: the hub runs an embedded PostgreSQL (PGlite) with its data under DATA_DIR.' },
  { name: 'DATA_DIR', default: './data', meaning: 'Where the embedded database and the generated development secret live. `memory://` keeps nothing.' },
  { name: 'EMBEDDED_DB_PORT', default: '0', meaning: 'Loopback port the embedded PostgreSQL listens on; 0 picks a free one.' },
  { name: 'DATABASE_POOL_SIZE', default: '10', meaning: 'Connections per instance (the embedded database always uses one).' },
  { name: 'RUN_MIGRATIONS', default: 'true', meaning: 'Apply pending migrations at start.' },
  { name: 'DATABASE_TRACE_QUERIES', default: 'false', meaning: 'Log every SQL statement at debug level and count them (development, statement-count tests).' },
  { name: 'DATABASE_STATEMENT_TIMEOUT_MS', default: '5000', meaning: 'PostgreSQL `statement_timeout` of every connection (0: none); a statement cancelled by it answers SERVICE_UNAVAILABLE. A statement that gets no answer at all within this plus 1 s has its connection closed. DATABASE_URL servers only.' },
  { name: 'DATABASE_LOCK_TIMEOUT_MS', default: '2000', meaning: 'PostgreSQL `lock_timeout` (0: none): how long a statement waits for a row lock (a busy chat channel or canvas) before SERVICE_UNAVAILABLE. DATABASE_URL servers only.' },
  { name: 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', default: '10000', meaning: 'PostgreSQL `idle_in_transaction_session_timeout` (0: none): the server ends a session left idle inside a transaction (an instance frozen or cut off mid-transaction), releasing its locks. DATABASE_URL servers only.' },
  { name: 'DATABASE_POOL_WAIT_MS', default: '2000', meaning: 'How long a query waits for a pooled connection, or for a new connection to open, before SERVICE_UNAVAILABLE. The embedded database keeps 10000: its one connection queues every statement.' },
  { name: 'DATABASE_PREPARED_STATEMENTS', default: 'true', meaning: 'Run the hottest statements (chat send, canvas append) as named prepared statements; the embedded database never does.' },
  { name: 'REDIS_URL', default: '(unset: in-process)', meaning: 'Redis URL. Set it to run several instances: socket.io rooms and GraphQL subscriptions are shared through it.' },
  { name: 'JWT_SECRET', default: '(generated outside production)', meaning: 'HMAC secret for access tokens, at least 32 characters. Every instance must share it.' },
  { name: 'JWT_ACCESS_TTL', default: '900', meaning: 'Access token lifetime in seconds.' },
  { name: 'JWT_REFRESH_TTL', default: '2592000', meaning: 'Refresh token lifetime in seconds (30 days).' },
  { name: 'LOGIN_MAX_FAILURES_PER_ACCOUNT', default: '10', meaning: 'Failed logins for one account within LOGIN_WINDOW before further attempts get RATE_LIMITED.' },
  { name: 'LOGIN_MAX_FAILURES_PER_ADDRESS', default: '50', meaning: 'Failed logins from one client address within LOGIN_WINDOW before RATE_LIMITED.' },
  { name: 'LOGIN_WINDOW', default: '900', meaning: 'Login throttling window in seconds.' },
  { name: 'ARGON2_MEMORY_KIB', default: '19456', meaning: 'Argon2id memory cost (OWASP minimum 19 MiB); 2 iterations, parallelism 1.' },
  { name: 'ALLOWED_ORIGINS', default: 'http://localhost:3000,http://127.0.0.1:3000', meaning: 'Comma-separated browser origins allowed for CORS and the socket.io handshake. The hub\'s own origin (PUBLIC_URL), where it serves the web client, is always allowed. Clients that send no Origin (servers, CLIs) are allowed.' },
  { name: 'MAX_BODY_BYTES', default: '1048576', meaning: 'Largest accepted HTTP request body.' },
  { name: 'TRUST_PROXY', default: 'false', meaning: 'Take the client address from X-Forwarded-For (behind a reverse proxy).' },
  { name: 'GRAPHQL_INTROSPECTION', default: 'true (false in production)', meaning: 'Allow schema introspection.' },
  { name: 'GRAPHQL_MAX_DEPTH', default: '8', meaning: 'Deepest selection allowed.' },
  { name: 'GRAPHQL_MAX_ALIASES', default: '15', meaning: 'Aliases allowed in one operation.' },
  { name: 'GRAPHQL_MAX_DIRECTIVES', default: '50', meaning: 'Directives allowed in one operation.' },
  { name: 'GRAPHQL_MAX_TOKENS', default: '2000', meaning: 'Lexical tokens allowed in one document.' },
  { name: 'GRAPHQL_MAX_COST', default: '5000', meaning: 'Static cost allowed for one operation.' },
  { name: 'REALTIME_MAX_PAYLOAD_BYTES', default: '1048576', meaning: 'Largest socket.io or graphql-ws frame accepted.' },
  { name: 'CHAT_SEND_RATE_PER_SECOND', default: '5', meaning: 'Chat messages (sends, edits, reactions) a user may make per second on one instance.' },
  { name: 'CHAT_SEND_BURST', default: '20', meaning: 'How many chat writes a user may make at once before the rate applies.' },
  { name: 'CANVAS_UPDATES_PER_SECOND', default: '30', meaning: 'Canvas updates one connection may send per second (bursts of twice that).' },
  { name: 'CANVAS_MAX_UPDATE_BYTES', default: '262144', meaning: 'Largest canvas update accepted; larger ones are refused unstored.' },
  { name: 'CANVAS_COMPACT_AFTER', default: '200', meaning: 'Stored updates after which a canvas log is compacted into a snapshot.' },
  { name: 'MEETING_ROOM_BASE_URL', default: 'https://meet.jit.si/innomed-', meaning: 'A matchmaking meeting’s video room link is this followed by the meeting id.' },
  { name: 'CHAT_GAP_FILL_DELAY_MS', default: '250', meaning: 'How long a socket waits for an out-of-order chat change before reading it from the database.' },
  { name: 'SEED_DEMO', default: 'true (false in production)', meaning: 'Seed the demo organisations, network and users on first start.' },
  { name: 'SHUTDOWN_GRACE_MS', default: '10000', meaning: 'How long a stopping instance waits for requests and sockets to drain.' },
];

type Env = Record<string, string | undefined>;

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!/^-?\d+$/.test(value) || parsed < min || parsed > max) {
      this.problems.push(`${name} must be an integer from ${min} to ${max} (got "${value}")`);
      return fallback;
    }
    return parsed;
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['true', '1', 'yes'].includes(value)) return true;
    if (['false', '0', 'no'].includes(value)) return false;
    this.problems.push(`${name} must be true or false (got "${value}")`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
      return fallback;
    }
    return value as T;
  }

  url(name: string, protocols: string[]): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) {
        this.problems.push(`${name} must use ${protocols.join(' or ')} (got "${parsed.protocol}")`);
      }
    } catch {
      this.problems.push(`${name} is not a valid URL`);
    }
    return value;
  }
}

export function loadConfig(env: Env = process.env): AppConfig {
  const r = new Reader(env);
  const nodeEnv = r.oneOf<NodeEnv>('NODE_ENV', ['development', 'production', 'test'], 'development');
  const production = nodeEnv === 'production';
  const host = r.string('HOST', '127.0.0.1');
  const port = r.int('PORT', 3000, 0, 65535);

  const jwtSecret = r.raw('JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    r.problems.push('JWT_SECRET must be at least 32 characters');
  }
  if (production && jwtSecret === undefined) {
    r.problems.push('JWT_SECRET is required when NODE_ENV=production');
  }

  const allowedOrigins = r
    .string('ALLOWED_ORIGINS', 'http://localhost:3000,http://127.0.0.1:3000')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of allowedOrigins) {
    if (origin === '*') continue;
    try {
      new URL(origin);
    } catch {
      r.problems.push(`ALLOWED_ORIGINS contains "${origin}", which is not an origin such as https://hub.example.org`);
    }
  }

  const publicUrl = r.string('PUBLIC_URL', `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`);
  // The hub serves the web client itself, so its own origin is always allowed: a hub started on
  // another port must not refuse the live connections of the page it just served.
  try {
    const own = new URL(publicUrl).origin;
    if (!allowedOrigins.includes(own)) allowedOrigins.push(own);
  } catch {
    r.problems.push(`PUBLIC_URL "${publicUrl}" is not a URL such as https://hub.example.org`);
  }

  const config: AppConfig = {
    nodeEnv,
    host,
    port,
    publicUrl,
    logLevel: r.oneOf<LogLevel>('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
    database: {
      url: r.url('DATABASE_URL', ['postgres:', 'postgresql:']),
      dataDir: r.string('DATA_DIR', './data'),
      embeddedPort: r.int('EMBEDDED_DB_PORT', 0, 0, 65535),
      poolSize: r.int('DATABASE_POOL_SIZE', 10, 1, 200),
      runMigrations: r.bool('RUN_MIGRATIONS', true),
      preparedStatements: r.bool('DATABASE_PREPARED_STATEMENTS', true),
      statementTimeoutMs: r.int('DATABASE_STATEMENT_TIMEOUT_MS', 5_000, 0, 3_600_000),
      lockTimeoutMs: r.int('DATABASE_LOCK_TIMEOUT_MS', 2_000, 0, 3_600_000),
      idleInTransactionTimeoutMs: r.int('DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', 10_000, 0, 3_600_000),
      poolWaitMs: r.int('DATABASE_POOL_WAIT_MS', 2_000, 100, 600_000),
      traceQueries: r.bool('DATABASE_TRACE_QUERIES', false),
    },
    redis: { url: r.url('REDIS_URL', ['redis:', 'rediss:']) },
    auth: {
      jwtSecret,
      accessTtlSeconds: r.int('JWT_ACCESS_TTL', 900, 10, 86_400),
      refreshTtlSeconds: r.int('JWT_REFRESH_TTL', 2_592_000, 60, 31_536_000),
      loginMaxFailuresPerAccount: r.int('LOGIN_MAX_FAILURES_PER_ACCOUNT', 10, 1, 100),
      loginMaxFailuresPerAddress: r.int('LOGIN_MAX_FAILURES_PER_ADDRESS', 50, 1, 10_000),
      loginWindowSeconds: r.int('LOGIN_WINDOW', 900, 10, 86_400),
      argon2MemoryKiB: r.int('ARGON2_MEMORY_KIB', 19_456, 8, 1_048_576),
    },
    http: {
      allowedOrigins,
      maxBodyBytes: r.int('MAX_BODY_BYTES', 1_048_576, 1024, 64 * 1_048_576),
      trustProxy: r.bool('TRUST_PROXY', false),
    },
    graphql: {
      introspection: r.bool('GRAPHQL_INTROSPECTION', !production),
      maxDepth: r.int('GRAPHQL_MAX_DEPTH', 8, 2, 50),
      maxAliases: r.int('GRAPHQL_MAX_ALIASES', 15, 0, 1000),
      maxDirectives: r.int('GRAPHQL_MAX_DIRECTIVES', 50, 0, 1000),
      maxTokens: r.int('GRAPHQL_MAX_TOKENS', 2000, 100, 100_000),
      maxCost: r.int('GRAPHQL_MAX_COST', 5000, 10, 1_000_000),
    },
    realtime: { maxPayloadBytes: r.int('REALTIME_MAX_PAYLOAD_BYTES', 1_048_576, 1024, 64 * 1_048_576) },
    chat: {
      sendRatePerSecond: r.int('CHAT_SEND_RATE_PER_SECOND', 5, 1, 100_000),
      sendBurst: r.int('CHAT_SEND_BURST', 20, 1, 100_000),
      gapFillDelayMs: r.int('CHAT_GAP_FILL_DELAY_MS', 250, 0, 10_000),
    },
    canvas: {
      updatesPerSecond: r.int('CANVAS_UPDATES_PER_SECOND', 30, 1, 100_000),
      maxUpdateBytes: r.int('CANVAS_MAX_UPDATE_BYTES', 262_144, 1024, 64 * 1_048_576),
      compactAfter: r.int('CANVAS_COMPACT_AFTER', 200, 2, 1_000_000),
    },
    matchmaking: { roomBaseUrl: r.string('MEETING_ROOM_BASE_URL', 'https://meet.jit.si/innomed-') },
    seedDemo: r.bool('SEED_DEMO', !production),
    shutdownGraceMs: r.int('SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
  };

  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return config;
}
