import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Every child started by the harness; all of them are stopped on exit, failure or a signal. */
const running = new Set<ManagedProcess>();

export interface StartOptions {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Combined stdout and stderr are written here. */
  logFile: string;
  /** Opens an IPC channel (`send`, `onMessage`), for helpers such as load-generator workers. */
  ipc?: boolean;
}

/** A child process whose output goes to a log file and whose recent lines are kept for error messages. */
export class ManagedProcess {
  readonly name: string;
  readonly logFile: string;
  private readonly child: ChildProcess;
  private readonly log: WriteStream;
  private readonly tail: string[] = [];
  private lineCount = 0;
  private exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  private readonly exitPromise: Promise<void>;

  constructor(options: StartOptions) {
    this.name = options.name;
    this.logFile = options.logFile;
    mkdirSync(dirname(options.logFile), { recursive: true });
    this.log = createWriteStream(options.logFile, { flags: 'w' });
    this.child = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env,
      stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    });
    const onData = (chunk: Buffer): void => {
      this.log.write(chunk);
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        this.lineCount += 1;
        this.tail.push(line);
        if (this.tail.length > 40) this.tail.shift();
      }
    };
    this.child.stdout?.on('data', onData);
    this.child.stderr?.on('data', onData);
    this.exitPromise = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exited = { code, signal };
        running.delete(this);
        resolve();
      });
      this.child.once('error', (error) => {
        this.tail.push(`spawn error: ${error.message}`);
        this.exited = { code: null, signal: null };
        running.delete(this);
        resolve();
      });
    });
    running.add(this);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get hasExited(): boolean {
    return this.exited !== null;
  }

  /** Sends a message over the IPC channel; only for processes started with `ipc: true`. */
  send(message: unknown): void {
    if (!this.child.send) throw new Error(`${this.name} was started without an IPC channel`);
    this.child.send(message as object);
  }

  onMessage(listener: (message: unknown) => void): void {
    this.child.on('message', listener);
  }

  /** Number of non-empty output lines so far. */
  get outputLines(): number {
    return this.lineCount;
  }

  describeExit(): string {
    if (!this.exited) return 'still running';
    return this.exited.signal ? `killed by ${this.exited.signal}` : `exited with code ${String(this.exited.code)}`;
  }

  recentOutput(lines = 20): string {
    return this.tail.slice(-lines).join('\n');
  }

  /** Output lines written after the first `skip` ones, read back from the log file. */
  outputSince(skip: number, limit = 20): string[] {
    try {
      const lines = readFileSync(this.logFile, 'utf8').split('\n').filter((line) => line.trim() !== '');
      return lines.slice(skip, skip + limit);
    } catch {
      return [];
    }
  }

  /** CPU seconds (user + system) consumed so far, from /proc; undefined where that is not available. */
  cpuSeconds(): number | undefined {
    if (this.pid === undefined || this.hasExited) return undefined;
    return processCpuSeconds(this.pid);
  }

  /** Resident set size in MiB, from /proc; undefined where that is not available. */
  rssMiB(): number | undefined {
    const kib = this.rssKiB();
    return kib === undefined ? undefined : Math.round((kib / 1024) * 10) / 10;
  }

  /** Resident set size in KiB (what /proc calls kB), unrounded; undefined where that is not available. */
  rssKiB(): number | undefined {
    if (this.pid === undefined || this.hasExited) return undefined;
    try {
      const match = readFileSync(`/proc/${this.pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)\s+kB/m);
      return match ? Number(match[1]) : undefined;
    } catch {
      return undefined;
    }
  }

  /** SIGTERM, then SIGKILL if the process is still there after `graceMs`. */
  async stop(graceMs = 5000): Promise<void> {
    if (this.hasExited) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => {
      if (!this.hasExited) this.child.kill('SIGKILL');
    }, graceMs);
    await this.exitPromise;
    clearTimeout(timer);
    await new Promise<void>((resolve) => this.log.end(resolve));
  }

  killNow(): void {
    if (!this.hasExited) this.child.kill('SIGKILL');
  }

  /** SIGKILL, as in a crash (no shutdown hooks run), and wait until the process is gone. */
  async crash(): Promise<void> {
    if (this.hasExited) return;
    this.child.kill('SIGKILL');
    await this.exitPromise;
    await new Promise<void>((resolve) => this.log.end(resolve));
  }
}

/** CPU seconds (user + system) process `pid` has used, from /proc; undefined when it is gone or /proc is missing. */
export function processCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command name: state is field 0, utime field 11, stime field 12 (in clock ticks, 100 Hz on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => child.stop()));
}

/** Last resort on process exit: synchronous, so only SIGKILL is possible. */
export function killAllNow(): void {
  for (const child of running) child.killNow();
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not find a free port'))));
    });
  });
}

/**
 * Polls `url` until it answers 200, the process exits, or `timeoutMs` passes. Each probe has its own
 * short timeout so a hung server cannot stall the harness.
 */
export async function waitForHttpOk(url: string, child: ManagedProcess, timeoutMs: number, init: RequestInit = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.hasExited) {
      throw new Error(`${child.name} ${child.describeExit()} before it was ready (log: ${child.logFile}):\n${child.recentOutput()}`);
    }
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await sleep(250);
  }
  throw new Error(`${child.name} not ready at ${url} after ${timeoutMs} ms (${lastProblem}; log: ${child.logFile}):\n${child.recentOutput()}`);
}
