import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { assertLocalDatabase, databaseVersion, ensureDatabase, withoutPassword } from './database.js';
import { ManagedProcess, freePort, waitForHttpOk } from './processes.js';

/** Where `nest build api` puts the entry point; the first one that exists is used. */
const HUB_ENTRIES = ['dist/apps/api/apps/api/src/main.js', 'dist/apps/api/main.js'];

export interface BenchHub {
  hub: ManagedProcess;
  hubUrl: string;
  /** Shared with the reference, which checks the hub's tokens the same way. */
  jwtSecret: string;
  serverVersion: string;
  /** The entry point, relative to the project root. */
  entry: string;
  redis: boolean;
  /** Where it listens, and everything it was started with: `restartBenchHub` starts it again the same way. */
  port: number;
  env: NodeJS.ProcessEnv;
  logFile: string;
}

/**
 * Makes sure the scenario's local database exists, then starts the built hub on it with production
 * settings (it applies its migrations at start) and waits until it is ready. Every scenario starts the
 * hub this way, so their figures are comparable.
 */
export async function startBenchHub(options: {
  root: string;
  tmpDir: string;
  name: string;
  databaseUrl: string;
  poolSize: number;
  startTimeoutMs: number;
  log: (line: string) => void;
  /** Instances of one deployment share it; a new random one otherwise. */
  jwtSecret?: string;
  /** Names the process and its log file (`<name>-<label>.log`); `hub` by default. */
  label?: string;
  /** Settings on top of the common ones; an undefined value removes a variable (e.g. REDIS_URL). */
  env?: Record<string, string | undefined>;
}): Promise<BenchHub> {
  const { root, databaseUrl, log } = options;
  assertLocalDatabase(databaseUrl);
  const { created } = await ensureDatabase(databaseUrl);
  const serverVersion = await databaseVersion(databaseUrl);
  log(`database ${withoutPassword(databaseUrl)} (PostgreSQL ${serverVersion}${created ? ', created now' : ''})`);

  const entry = HUB_ENTRIES.map((path) => join(root, path)).find((path) => existsSync(path));
  if (!entry) throw new Error(`hub not built: none of ${HUB_ENTRIES.join(', ')} exists (run \`npx nest build api\`)`);

  const jwtSecret = options.jwtSecret ?? randomBytes(48).toString('base64url');
  const label = options.label ?? 'hub';
  const hubPort = await freePort();
  const hubEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(hubPort),
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: String(options.poolSize),
    RUN_MIGRATIONS: 'true',
    JWT_SECRET: jwtSecret,
    // Long enough that the token cannot expire during a slow run.
    JWT_ACCESS_TTL: '3600',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
  };
  delete hubEnv.PUBLIC_URL;
  delete hubEnv.DATA_DIR;
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete hubEnv[key];
    else hubEnv[key] = value;
  }

  const relativeEntry = entry.slice(root.length + 1);
  log(`starting ${label} (${relativeEntry}) on 127.0.0.1:${hubPort}`);
  const logFile = join(options.tmpDir, `${options.name}-${label}.log`);
  const hub = new ManagedProcess({ name: label, command: process.execPath, args: [entry], cwd: root, env: hubEnv, logFile });
  await waitForHttpOk(`http://127.0.0.1:${hubPort}/health/ready`, hub, options.startTimeoutMs);
  return {
    hub,
    hubUrl: `http://127.0.0.1:${hubPort}/graphql`,
    jwtSecret,
    serverVersion,
    entry: relativeEntry,
    redis: Boolean(hubEnv.REDIS_URL),
    port: hubPort,
    env: hubEnv,
    logFile,
  };
}

/**
 * Starts the hub again after it stopped (or was killed), on the same port with the same secret and
 * settings, so clients holding tokens and the URL reconnect to it as they would after a crash. Its
 * output goes to a log file of its own (`suffix`), which keeps the first one for reading.
 */
export async function restartBenchHub(previous: BenchHub, options: { root: string; suffix: string; startTimeoutMs: number }): Promise<BenchHub> {
  if (!previous.hub.hasExited) throw new Error('the hub is still running; stop it before starting it again');
  const logFile = previous.logFile.replace(/\.log$/, `-${options.suffix}.log`);
  const hub = new ManagedProcess({ name: previous.hub.name, command: process.execPath, args: [join(options.root, previous.entry)], cwd: options.root, env: previous.env, logFile });
  await waitForHttpOk(`http://127.0.0.1:${previous.port}/health/ready`, hub, options.startTimeoutMs);
  return { ...previous, hub, logFile };
}
