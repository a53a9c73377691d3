import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './hub-process.js';

/**
 * Throw-away PostgreSQL and Redis servers that a fault test may kill and restart without disturbing
 * the shared ones. Available only where their binaries are installed (CI and developer machines with
 * the Debian packages); suites skip otherwise.
 */
const PG_BIN = (() => {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const version = readdirSync(root).sort().pop();
  return version ? join(root, version, 'bin') : undefined;
})();
const REDIS_SERVER = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((path) => existsSync(path));
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export const privatePostgresAvailable = PG_BIN !== undefined && existsSync(join(PG_BIN, 'initdb'));
export const privateRedisAvailable = REDIS_SERVER !== undefined;

/** Runs a PostgreSQL binary; as root it runs as the `postgres` user (PostgreSQL refuses root). */
function pg(binary: string, args: string[]): void {
  const command = join(PG_BIN!, binary);
  if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'ignore' });
  else execFileSync(command, args, { stdio: 'ignore' });
}

export class PrivatePostgres {
  private constructor(
    private readonly dir: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  static async start(): Promise<PrivatePostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'innomed-pg-'));
    chmodSync(dir, 0o777);
    const data = join(dir, 'data');
    pg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    const server = new PrivatePostgres(dir, await freePort());
    server.start();
    return server;
  }

  start(): void {
    pg('pg_ctl', ['-D', join(this.dir, 'data'), '-w', '-t', '60', '-l', join(this.dir, 'log'), '-o', `-p ${this.port} -h 127.0.0.1 -k ${this.dir}`, 'start']);
  }

  /** `immediate` is a crash: no checkpoint, recovery from the WAL at the next start. */
  stop(mode: 'fast' | 'immediate' = 'fast'): void {
    pg('pg_ctl', ['-D', join(this.dir, 'data'), '-w', '-m', mode, 'stop']);
  }

  restart(mode: 'fast' | 'immediate' = 'fast'): void {
    this.stop(mode);
    this.start();
  }

  destroy(): void {
    try {
      this.stop('immediate');
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export class PrivateRedis {
  private child?: ChildProcess;

  private constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.startServer();
    return redis;
  }

  private async startServer(): Promise<void> {
    this.child = spawn(REDIS_SERVER!, ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  kill(): void {
    this.child?.kill('SIGKILL');
  }

  async restart(): Promise<void> {
    this.kill();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await this.startServer();
  }
}
