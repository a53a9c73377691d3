/**
 * The runner's side of the cocreate client processes: it forks them, splits the canvases between
 * them (all editors of one canvas in the same process), sends them commands and gathers the replies.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { processCpuSeconds } from '../lib/processes.js';
import type { AckMarks, CanvasSpec, CanvasVerification, EditFigures, TargetKind, WorkerCommand, WorkerReply, Workload } from './cocreate-workload.js';

type ReplyOf<T extends WorkerReply['type']> = Extract<WorkerReply, { type: T }>;

/** One client process and the replies it still owes. */
class ClientProcess {
  private readonly child: ChildProcess;
  private readonly waiting = new Map<string, { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void }>();
  private exited = false;

  constructor(
    readonly name: string,
    root: string,
    logFile: string,
  ) {
    const log = createWriteStream(logFile, { flags: 'w' });
    this.child = fork(join(root, 'bench/scenarios/cocreate-worker.ts'), [], {
      cwd: root,
      execArgv: ['--import', 'tsx'],
      // Typed arrays of latencies cross the channel as they are.
      serialization: 'advanced',
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: { ...process.env, NODE_ENV: 'production' },
    });
    this.child.stdout?.pipe(log);
    this.child.stderr?.pipe(log);
    this.child.on('message', (message: WorkerReply) => {
      if (message.type === 'failed') {
        for (const pending of this.waiting.values()) pending.reject(new Error(`${this.name}: ${message.error}`));
        this.waiting.clear();
        return;
      }
      const pending = this.waiting.get(message.type);
      this.waiting.delete(message.type);
      pending?.resolve(message);
    });
    this.child.once('exit', (code, signal) => {
      this.exited = true;
      for (const pending of this.waiting.values()) pending.reject(new Error(`${this.name} exited (${signal ?? `code ${code}`}); log: ${logFile}`));
      this.waiting.clear();
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Sends a command and waits for its reply; each command has a reply type of its own, so one of each can be outstanding. */
  request<T extends WorkerReply['type']>(command: WorkerCommand, expect: T, timeoutMs: number): Promise<ReplyOf<T>> {
    if (this.exited) return Promise.reject(new Error(`${this.name} is not running`));
    return new Promise<ReplyOf<T>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(expect);
        reject(new Error(`${this.name}: no ${expect} reply after ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(expect, {
        resolve: (reply) => {
          clearTimeout(timer);
          resolve(reply as ReplyOf<T>);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.child.send(command);
    });
  }

  cpuSeconds(): number | undefined {
    return this.pid === undefined || this.exited ? undefined : processCpuSeconds(this.pid);
  }

  async close(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.send({ type: 'close' } satisfies WorkerCommand);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await gone;
    clearTimeout(timer);
  }
}

/** Every client process of one target. */
export class ClientGroup {
  private constructor(
    readonly target: TargetKind,
    private readonly processes: ClientProcess[],
  ) {}

  /**
   * Forks `count` processes for `target`, hands each its share of the canvases (canvas i to process
   * i mod count) and waits until every editor is connected, synced and sees the cards.
   */
  static async start(options: {
    root: string;
    tmpDir: string;
    target: TargetKind;
    count: number;
    url: string;
    origin: string;
    canvases: CanvasSpec[];
    workload: Workload;
    seed: number;
    connectTimeoutMs: number;
  }): Promise<{ group: ClientGroup; connectMs: number }> {
    mkdirSync(options.tmpDir, { recursive: true });
    const processes = Array.from({ length: options.count }, (_, i) => new ClientProcess(`${options.target} clients ${i + 1}`, options.root, join(options.tmpDir, `cocreate-clients-${options.target}-${i + 1}.log`)));
    const group = new ClientGroup(options.target, processes);
    try {
      const replies = await Promise.all(
        processes.map((child, i) =>
          child.request(
            {
              type: 'setup',
              target: options.target,
              url: options.url,
              origin: options.origin,
              canvases: options.canvases.filter((_, canvasIndex) => canvasIndex % options.count === i),
              workload: options.workload,
              seed: options.seed,
              connectTimeoutMs: options.connectTimeoutMs,
            },
            'ready',
            options.connectTimeoutMs * 4,
          ),
        ),
      );
      return { group, connectMs: Math.max(...replies.map((reply) => reply.connectMs)) };
    } catch (error) {
      await group.close();
      throw error;
    }
  }

  /** Every editor types for `seconds`; the figures of all processes, latencies concatenated. */
  async edit(seconds: number, record: boolean, drainMs: number): Promise<EditFigures[]> {
    const replies = await Promise.all(this.processes.map((child) => child.request({ type: 'edit', seconds, record, drainMs }, 'edited', (seconds + 60) * 1000 + drainMs)));
    return replies.map((reply) => reply.figures);
  }

  async mark(): Promise<AckMarks> {
    const replies = await Promise.all(this.processes.map((child) => child.request({ type: 'mark' }, 'marked', 30_000)));
    return {
      canvases: Object.assign({}, ...replies.map((reply) => reply.marks.canvases)) as AckMarks['canvases'],
      unacknowledgedMessages: replies.reduce((sum, reply) => sum + reply.marks.unacknowledgedMessages, 0),
    };
  }

  async settle(timeoutMs: number): Promise<{ connected: number; editors: number; waitedMs: number }> {
    const replies = await Promise.all(this.processes.map((child) => child.request({ type: 'settle', timeoutMs }, 'settled', timeoutMs + 30_000)));
    return {
      connected: replies.reduce((sum, reply) => sum + reply.connected, 0),
      editors: replies.reduce((sum, reply) => sum + reply.editors, 0),
      waitedMs: Math.max(...replies.map((reply) => reply.waitedMs)),
    };
  }

  async verify(timeoutMs: number): Promise<CanvasVerification[]> {
    const replies = await Promise.all(this.processes.map((child) => child.request({ type: 'verify', timeoutMs }, 'verified', timeoutMs + 120_000)));
    return replies.flatMap((reply) => reply.canvases);
  }

  /** CPU seconds of all its processes; undefined once any reading is unavailable. */
  cpuSeconds(): number | undefined {
    let total = 0;
    for (const child of this.processes) {
      const seconds = child.cpuSeconds();
      if (seconds === undefined) return undefined;
      total += seconds;
    }
    return total;
  }

  async close(): Promise<void> {
    await Promise.all(this.processes.map((child) => child.close()));
  }
}
