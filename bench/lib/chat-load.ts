/**
 * The runner's side of the chat load generator: worker processes (bench/lib/chat-load-worker.ts) that
 * hold the sockets, and the commands that connect them, run one rate step and merge their reports.
 * Several processes because a single one receiving ten copies of every message runs out of core
 * before a bare socket.io server does; on a 2-core machine they still share the cores with the server,
 * which is why every step records where the CPU went.
 */
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { cpuSecondsBetween, cpuSecondsByCommand, machineCpu, ownCpuSeconds } from './cpu.js';
import type { ChannelSpec, ConnectOptions, ConnectReport, SocketSpec, StepCommand, StepReport, WorkerCommand, WorkerReply } from './chat-load-protocol.js';
import { LatencyHistogram } from './histogram.js';
import { ManagedProcess } from './processes.js';

type CommandBody = WorkerCommand extends infer C ? (C extends WorkerCommand ? Omit<C, 'id'> : never) : never;

/** Cores other processes may use during a step before it is flagged (and, when it failed, repeated). */
export const DISTURBED_CORES = 0.25;

const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;
const roundOrNull = (value: number | null): number | null => (value === null ? null : round(value));

export interface StepSettings {
  warmupSeconds: number;
  measureSeconds: number;
  drainSeconds: number;
  ackTimeoutSeconds: number;
  body: string;
  /** The p99 a step must stay under to count as sustained. */
  maxP99Ms: number;
  /** Whether the target promises per-channel order (the seq check counts violations only then). */
  checkOrder: boolean;
  /** The services the target works through: their CPU is its own; anyone else's use of them is a disturbance. */
  uses: { postgres: boolean; redis: boolean };
}

export interface StepFigures {
  label: string;
  offeredMessagesPerSecond: number;
  measuredSeconds: number;
  /** Receipts whose arrival fell in the measured window ÷ members ÷ seconds. */
  deliveredMessagesPerSecond: number;
  deliveriesPerSecond: number;
  /** Scheduled send to each receipt, for messages scheduled in the window; null = beyond every receipt (some never came). */
  latencyMs: { mean: number; p50: number | null; p90: number | null; p99: number | null; max: number };
  ackLatencyMs: { p50: number | null; p99: number | null };
  /** The slowest receipt arriving in each second of the window (ms), over all workers. */
  maxLatencyBySecond: number[];
  generator: { sendLagP99Ms: number | null; sendLagMaxMs: number; eventLoopDelayP99Ms: number };
  messages: { scheduledInWindow: number; sent: number; acksOk: number; complete: number };
  receipts: {
    expected: number;
    received: number;
    missing: number;
    duplicates: number;
    unknown: number;
    missingByMember: number[];
    missingSample: StepReport['missingSample'];
    /** Receipts in this step of messages earlier steps counted missing, and the slowest of them. */
    lateFromEarlierSteps: number;
    lateMaxMs: number;
  };
  errors: {
    ackFailures: Record<string, number>;
    ackTimeouts: number;
    acksUnanswered: number;
    duplicateAcks: number;
    orderViolations: number;
    bodyMismatches: number;
    authorMismatches: number;
    wrongChannel: number;
    disconnects: number;
    /** `chat:channel-closed` (by reason) and `session:ended`: the server stopped a socket's stream. */
    notices: Record<string, number>;
  };
  /**
   * Cores in use during the measured window: the server process(es), the generator workers, every
   * PostgreSQL and Redis process on the machine (the hub's storage and adapter, but also anyone else's),
   * the runner, everything else, and hypervisor steal.
   */
  cpu?: {
    serverCores: number;
    generatorCores: number;
    postgresCores: number;
    redisCores: number;
    runnerCores: number;
    otherCores: number;
    stealCores: number;
    /** CPU milliseconds per delivered message (ten receipts): what each part costs, so the ceiling can be traced. */
    msPerMessage: { server: number; generator: number; postgres: number; redis: number };
  };
  /** Processes the target does not use took more than DISTURBED_CORES during the window: the figures are not its alone. */
  disturbed: boolean;
  /** No error of any kind and p99 under the limit. */
  sustained: boolean;
  /** Why the step does not count as sustained. */
  shortfalls: string[];
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export class ChatLoadGenerator {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private steps = 0;
  /** How many chat members each worker holds, so each gets its share of the rate. */
  private channelShare: number[] = [];

  private constructor(
    private readonly workers: ManagedProcess[],
    private readonly members: number,
  ) {}

  static async start(options: { root: string; tmpDir: string; name: string; workers: number; members: number; startTimeoutMs: number }): Promise<ChatLoadGenerator> {
    const workers: ManagedProcess[] = [];
    const ready: Array<Promise<void>> = [];
    for (let i = 0; i < options.workers; i += 1) {
      const worker = new ManagedProcess({
        name: `load-${i + 1}`,
        command: process.execPath,
        args: ['--import', 'tsx', join(options.root, 'bench/lib/chat-load-worker.ts')],
        cwd: options.root,
        env: { ...process.env, NODE_ENV: 'production' },
        logFile: join(options.tmpDir, `${options.name}-load-${i + 1}.log`),
        ipc: true,
      });
      workers.push(worker);
      ready.push(
        new Promise<void>((resolve) => {
          worker.onMessage((message) => {
            if ((message as { ready?: boolean }).ready) resolve();
          });
        }),
      );
    }
    const generator = new ChatLoadGenerator(workers, options.members);
    for (const worker of workers) worker.onMessage((message) => generator.onReply(message as WorkerReply));
    const deadline = Date.now() + options.startTimeoutMs;
    const all = Promise.all(ready);
    while (Date.now() < deadline) {
      const exited = workers.find((worker) => worker.hasExited);
      if (exited) throw new Error(`${exited.name} ${exited.describeExit()} at start:\n${exited.recentOutput()}`);
      if (await Promise.race([all.then(() => true), sleep(200).then(() => false)])) return generator;
    }
    throw new Error('load-generator workers not ready in time');
  }

  get processes(): ManagedProcess[] {
    return this.workers;
  }

  private onReply(reply: WorkerReply): void {
    if (typeof reply?.id !== 'number') return;
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.result);
    else waiting.reject(new Error(reply.error));
  }

  /** Sends a command and waits for its answer, failing early when the worker dies. */
  private async request<T>(worker: ManagedProcess, command: CommandBody, timeoutMs: number): Promise<T> {
    const id = this.nextId;
    this.nextId += 1;
    const answer = new Promise<unknown>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    worker.send({ ...command, id });
    const deadline = Date.now() + timeoutMs;
    let settled = false;
    void answer.finally(() => (settled = true)).catch(() => undefined);
    while (!settled) {
      if (worker.hasExited) {
        this.pending.delete(id);
        throw new Error(`${worker.name} ${worker.describeExit()} during ${command.type}:\n${worker.recentOutput()}`);
      }
      if (Date.now() > deadline) {
        this.pending.delete(id);
        throw new Error(`${worker.name} did not answer ${command.type} within ${timeoutMs} ms`);
      }
      await Promise.race([answer.catch(() => undefined), sleep(250)]);
    }
    return (await answer) as T;
  }

  /** Gives each worker whole channels (round robin), connects every member and joins it to its channel. */
  async connectChat(channels: ChannelSpec[], options: ConnectOptions & { checkAuthor: boolean; checkOrder: boolean }): Promise<ConnectReport> {
    const shares = this.workers.map((_, w) => channels.filter((_channel, c) => c % this.workers.length === w));
    this.channelShare = shares.map((share) => share.length);
    const { checkAuthor, checkOrder, ...connect } = options;
    const reports = await Promise.all(
      this.workers.map((worker, w) => this.request<ConnectReport>(worker, { type: 'connect-chat', channels: shares[w], options: connect, checkAuthor, checkOrder }, 300_000)),
    );
    return mergeConnectReports(reports);
  }

  /** Opens sockets that only stay connected (no join), spread evenly over the workers. */
  async connectIdle(sockets: SocketSpec[], options: ConnectOptions): Promise<ConnectReport> {
    const reports = await Promise.all(
      this.workers.map((worker, w) =>
        this.request<ConnectReport>(worker, { type: 'connect-idle', sockets: sockets.filter((_socket, i) => i % this.workers.length === w), options }, 600_000),
      ),
    );
    return mergeConnectReports(reports);
  }

  async closeIdle(): Promise<void> {
    await Promise.all(this.workers.map((worker) => this.request(worker, { type: 'close-idle' }, 60_000)));
  }

  async closeChat(): Promise<void> {
    await Promise.all(this.workers.map((worker) => this.request(worker, { type: 'close-chat' }, 60_000)));
  }

  /**
   * One step at `rate` messages per second over all channels: every worker starts at the same
   * wall-clock moment with its share; CPU is sampled at the edges of the measured window.
   */
  async step(label: string, rate: number, settings: StepSettings, servers: ManagedProcess[]): Promise<StepFigures> {
    this.steps += 1;
    const totalChannels = this.channelShare.reduce((sum, share) => sum + share, 0);
    if (totalChannels === 0) throw new Error('no chat sockets connected');
    const startAtEpochMs = Date.now() + 300;
    const base: Omit<StepCommand, 'ratePerSecond'> = {
      tag: `s${this.steps}`,
      startAtEpochMs,
      warmupMs: settings.warmupSeconds * 1000,
      measureMs: settings.measureSeconds * 1000,
      drainMs: settings.drainSeconds * 1000,
      ackTimeoutMs: settings.ackTimeoutSeconds * 1000,
      body: settings.body,
    };

    const sample = () => ({
      server: servers.reduce<number | undefined>((sum, server) => (sum === undefined ? undefined : sumOrUndefined(sum, server.cpuSeconds())), 0),
      generator: this.workers.reduce<number | undefined>((sum, worker) => (sum === undefined ? undefined : sumOrUndefined(sum, worker.cpuSeconds())), 0),
      services: cpuSecondsByCommand(['postgres', 'redis-server']),
      runner: ownCpuSeconds(),
      machine: machineCpu(),
    });
    const windowStart = startAtEpochMs + base.warmupMs;
    const cpuSamples = Promise.all([
      sleep(Math.max(0, windowStart - Date.now())).then(sample),
      sleep(Math.max(0, windowStart + base.measureMs - Date.now())).then(sample),
    ]);

    const timeoutMs = base.warmupMs + base.measureMs + base.drainMs + 120_000;
    const reports = await Promise.all(
      this.workers.map((worker, w) =>
        this.channelShare[w] === 0
          ? Promise.resolve(null)
          : this.request<StepReport>(worker, { type: 'step', step: { ...base, ratePerSecond: (rate * this.channelShare[w]) / totalChannels } }, timeoutMs),
      ),
    );
    const [before, after] = await cpuSamples;
    const figures = mergeStep(
      label,
      rate,
      settings,
      reports.filter((report): report is StepReport => report !== null),
      this.members,
    );
    if (before.server !== undefined && after.server !== undefined && before.generator !== undefined && after.generator !== undefined && before.machine && after.machine) {
      const seconds = settings.measureSeconds;
      const server = after.server - before.server;
      const generator = after.generator - before.generator;
      const postgres = cpuSecondsBetween(before.services.postgres, after.services.postgres);
      const redis = cpuSecondsBetween(before.services['redis-server'], after.services['redis-server']);
      const runner = after.runner - before.runner;
      const other = Math.max(0, after.machine.busy - before.machine.busy - server - generator - postgres - redis - runner);
      figures.cpu = {
        serverCores: round(server / seconds),
        generatorCores: round(generator / seconds),
        postgresCores: round(postgres / seconds),
        redisCores: round(redis / seconds),
        runnerCores: round(runner / seconds),
        otherCores: round(other / seconds),
        stealCores: round((after.machine.steal - before.machine.steal) / seconds),
        msPerMessage: { server: 0, generator: 0, postgres: 0, redis: 0 },
      };
      const messages = figures.deliveredMessagesPerSecond * seconds;
      if (messages > 0) {
        const perMessage = (cpuSeconds: number): number => round((cpuSeconds * 1000) / messages, 3);
        figures.cpu.msPerMessage = { server: perMessage(server), generator: perMessage(generator), postgres: perMessage(postgres), redis: perMessage(redis) };
      }
      const foreign = other + (settings.uses.postgres ? 0 : postgres) + (settings.uses.redis ? 0 : redis);
      figures.disturbed = foreign / seconds > DISTURBED_CORES;
    }
    return figures;
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.stop()));
  }
}

function sumOrUndefined(sum: number, value: number | undefined): number | undefined {
  return value === undefined ? undefined : sum + value;
}

function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [key, count] of Object.entries(from)) into[key] = (into[key] ?? 0) + count;
}

function mergeConnectReports(reports: ConnectReport[]): ConnectReport {
  const merged: ConnectReport = { connected: 0, failed: 0, failures: {}, joined: 0, joinFailures: {}, notSynced: 0, notices: {}, rejoined: {}, notSyncedAfterRejoin: 0, seconds: 0 };
  for (const report of reports) {
    addCounts(merged.rejoined, report.rejoined);
    merged.notSyncedAfterRejoin += report.notSyncedAfterRejoin;
    merged.notSynced += report.notSynced;
    addCounts(merged.notices, report.notices);
    merged.connected += report.connected;
    merged.failed += report.failed;
    merged.joined += report.joined;
    addCounts(merged.failures, report.failures);
    addCounts(merged.joinFailures, report.joinFailures);
    merged.seconds = Math.max(merged.seconds, report.seconds);
  }
  return merged;
}

function mergeStep(label: string, rate: number, settings: StepSettings, reports: StepReport[], members: number): StepFigures {
  const latency = new LatencyHistogram();
  const ackLatency = new LatencyHistogram();
  const sendLag = new LatencyHistogram();
  const sum = (pick: (report: StepReport) => number): number => reports.reduce((total, report) => total + pick(report), 0);
  const ackFailures: Record<string, number> = {};
  for (const report of reports) {
    latency.merge(report.latency);
    ackLatency.merge(report.ackLatency);
    sendLag.merge(report.sendLag);
    addCounts(ackFailures, report.ackFailures);
  }
  const expected = sum((report) => report.expectedReceipts);
  const received = sum((report) => report.measuredReceipts);
  const missing = Math.max(0, expected - received);
  const inWindow = sum((report) => report.receiptsInWindow);
  const seconds = settings.measureSeconds;
  const errors: StepFigures['errors'] = {
    ackFailures,
    ackTimeouts: sum((report) => report.ackTimeouts),
    acksUnanswered: sum((report) => report.acksUnanswered),
    duplicateAcks: sum((report) => report.duplicateAcks),
    orderViolations: settings.checkOrder ? sum((report) => report.orderViolations) : 0,
    bodyMismatches: sum((report) => report.bodyMismatches),
    authorMismatches: sum((report) => report.authorMismatches),
    wrongChannel: sum((report) => report.wrongChannel),
    disconnects: sum((report) => report.disconnects),
    notices: {},
  };
  for (const report of reports) addCounts(errors.notices, report.notices);
  const noticeCount = Object.values(errors.notices).reduce((total, count) => total + count, 0);
  const p99 = latency.percentile(99, missing);
  const shortfalls: string[] = [];
  if (p99 === null || p99 >= settings.maxP99Ms) shortfalls.push(`p99 ${p99 === null ? 'unbounded (receipts missing)' : `${round(p99)} ms`} ≥ ${settings.maxP99Ms} ms`);
  if (missing) shortfalls.push(`${missing} receipts missing`);
  const failedAcks = Object.values(ackFailures).reduce((total, count) => total + count, 0);
  if (failedAcks) shortfalls.push(`${failedAcks} sends refused (${JSON.stringify(ackFailures)})`);
  for (const [name, count] of Object.entries(errors)) {
    if (typeof count === 'number' && count > 0) shortfalls.push(`${count} ${name}`);
  }
  if (noticeCount) shortfalls.push(`stream-ending notices ${JSON.stringify(errors.notices)}`);
  const duplicates = sum((report) => report.duplicateReceipts);
  if (duplicates) shortfalls.push(`${duplicates} duplicate receipts`);
  return {
    label,
    offeredMessagesPerSecond: rate,
    measuredSeconds: seconds,
    deliveredMessagesPerSecond: round(inWindow / members / seconds, 1),
    deliveriesPerSecond: round(inWindow / seconds, 1),
    latencyMs: {
      mean: round(latency.mean()),
      p50: roundOrNull(latency.percentile(50, missing)),
      p90: roundOrNull(latency.percentile(90, missing)),
      p99: roundOrNull(p99),
      max: round(latency.max),
    },
    ackLatencyMs: { p50: roundOrNull(ackLatency.percentile(50)), p99: roundOrNull(ackLatency.percentile(99)) },
    maxLatencyBySecond: reports.reduce<number[]>((slowest, report) => report.maxLatencyBySecond.map((ms, i) => Math.max(ms, slowest[i] ?? 0)), []),
    generator: {
      sendLagP99Ms: roundOrNull(sendLag.percentile(99)),
      sendLagMaxMs: round(sendLag.max),
      eventLoopDelayP99Ms: Math.max(0, ...reports.map((report) => report.eventLoopDelayP99Ms)),
    },
    messages: {
      scheduledInWindow: sum((report) => report.measuredScheduled),
      sent: sum((report) => report.sent),
      acksOk: sum((report) => report.acksOk),
      complete: sum((report) => report.completeMessages),
    },
    receipts: {
      expected,
      received,
      missing,
      duplicates,
      unknown: sum((report) => report.unknownReceipts),
      missingByMember: reports.reduce<number[]>((total, report) => {
        report.missingByMember.forEach((count, member) => (total[member] = (total[member] ?? 0) + (count ?? 0)));
        return total;
      }, []),
      missingSample: reports.flatMap((report) => report.missingSample).slice(0, 20),
      lateFromEarlierSteps: sum((report) => report.lateReceiptsOfEarlierSteps),
      lateMaxMs: Math.max(0, ...reports.map((report) => report.lateReceiptMaxMs)),
    },
    errors,
    disturbed: false,
    sustained: shortfalls.length === 0,
    shortfalls,
  };
}
