import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import { connect } from 'node:net';
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

  /**
   * Freezes the server without closing anything (SIGSTOP to the postmaster and every backend): a
   * database that hangs instead of refusing, as in a network partition or a stalled disk. Connections
   * stay open and new ones are accepted by the kernel, but nothing answers until `thaw`.
   */
  freeze(): void {
    for (const pid of this.pids()) process.kill(pid, 'SIGSTOP');
  }

  thaw(): void {
    for (const pid of this.pids()) process.kill(pid, 'SIGCONT');
  }

  /** The postmaster (first line of postmaster.pid) and its children, read from /proc. */
  private pids(): number[] {
    const postmaster = Number(readFileSync(join(this.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => {
        try {
          return /^PPid:\s+(\d+)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] === String(postmaster);
        } catch {
          return false; // exited meanwhile
        }
      })
      .map(Number);
    return [postmaster, ...children];
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

  /** Whether the server process is running (started and not yet stopped). */
  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.start();
    return redis;
  }

  /** Starts the server and resolves once it accepts connections. */
  async start(): Promise<void> {
    this.child = spawn(REDIS_SERVER!, ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await untilAccepting(this.port);
  }

  /** Kills the server (SIGKILL: no goodbye to the clients) and resolves once the process is gone. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  kill(): void {
    this.child?.kill('SIGKILL');
  }

  /** A restart with Redis away for `downMs` (an outage of a known length, not a wait for something). */
  async restart(downMs = 1000): Promise<void> {
    await this.stop();
    await new Promise((resolve) => setTimeout(resolve, downMs));
    await this.start();
  }
}

/** Resolves once something accepts TCP connections on the loopback port. */
async function untilAccepting(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const accepted = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (accepted) return;
    if (Date.now() > deadline) throw new Error(`nothing accepts connections on port ${port} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
