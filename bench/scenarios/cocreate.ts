import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { machineCpu } from '../lib/cpu.js';
import { DEFAULT_DATABASE_URL, databaseName, withDatabaseName, withoutPassword } from '../lib/database.js';
import { machineInfo, packageVersions, sourceInfo } from '../lib/environment.js';
import { restartBenchHub, startBenchHub, type BenchHub } from '../lib/hub.js';
import { BUSY_CORES_LIMIT, waitForQuietMachine } from '../lib/measure.js';
import { ManagedProcess, freePort, processCpuSeconds, waitForHttpOk } from '../lib/processes.js';
import type { CaseResult, ScenarioResult } from '../lib/results.js';
import { envInt, type Scenario, type ScenarioContext } from '../lib/scenario.js';
import { ClientGroup } from './cocreate-clients.js';
import { prepareCanvases } from './cocreate-data.js';
import { awaitCompaction, backendPids, storageFigures, storedCovers, storedDocuments, type StorageFigures } from './cocreate-storage.js';
import { percentiles, type AckMarks, type CanvasVerification, type EditFigures, type TargetKind, type Workload } from './cocreate-workload.js';

const NAME = 'cocreate';
/** Hub p99 at most this many times the reference's. */
const GOAL_MAX_P99_FACTOR = 1.5;
/** An allowed browser origin of the hub (its default ALLOWED_ORIGINS); the reference gets the same header. */
const ORIGIN = 'http://localhost:3000';
const SEED = 20_261_127;
const DRAIN_MS = 10_000;
/** A client process whose edits run this late against their schedule is itself a bottleneck. */
const GENERATOR_LAG_LIMIT_MS = 50;

interface CpuTotals {
  server: number;
  postgres: number;
  clients: number;
  machine: number;
  steal: number;
  wallSeconds: number;
}

interface TargetRun {
  kind: TargetKind;
  name: string;
  description: string;
  group: ClientGroup;
  serverPid: () => number | undefined;
  segments: Array<{ order: number; figures: EditFigures[]; cpu: CpuTotals | null }>;
}

/** PostgreSQL backends of the hub's pool, CPU seconds each; the pool's connections live across a segment. */
async function postgresCpu(client: pg.Client, database: string): Promise<Map<number, number>> {
  const readings = new Map<number, number>();
  for (const pid of await backendPids(client, database)) {
    const seconds = processCpuSeconds(pid);
    if (seconds !== undefined) readings.set(pid, seconds);
  }
  return readings;
}

/** One measured segment of one target: every editor types for `seconds`; CPU of everything involved around it. */
async function measureSegment(run: TargetRun, seconds: number, order: number, pgClient: pg.Client, database: string): Promise<void> {
  const pid = run.serverPid();
  const before = { server: pid === undefined ? undefined : processCpuSeconds(pid), clients: run.group.cpuSeconds(), postgres: await postgresCpu(pgClient, database), machine: machineCpu(), at: performance.now() };
  const figures = await run.group.edit(seconds, true, DRAIN_MS);
  const after = { server: pid === undefined ? undefined : processCpuSeconds(pid), clients: run.group.cpuSeconds(), postgres: await postgresCpu(pgClient, database), machine: machineCpu(), at: performance.now() };
  let cpu: CpuTotals | null = null;
  if (before.server !== undefined && after.server !== undefined && before.clients !== undefined && after.clients !== undefined && before.machine && after.machine) {
    // A backend the pool opened during the segment used all of its CPU within it.
    let postgres = 0;
    for (const [backend, value] of after.postgres) postgres += value - (before.postgres.get(backend) ?? 0);
    cpu = {
      server: after.server - before.server,
      postgres,
      clients: after.clients - before.clients,
      machine: after.machine.busy - before.machine.busy,
      steal: after.machine.steal - before.machine.steal,
      wallSeconds: (after.at - before.at) / 1000,
    };
  }
  run.segments.push({ order, figures, cpu });
}

const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;
const sum = <T>(items: T[], pick: (item: T) => number): number => items.reduce((total, item) => total + pick(item), 0);

interface TargetSummary {
  name: string;
  kind: TargetKind;
  description: string;
  edits: number;
  measuredSeconds: number;
  updatesPerSecond: number;
  deliveries: number;
  undelivered: number;
  latencyMs: { mean: number; p50: number; p90: number; p99: number; p999: number; max: number };
  cpu: { serverSeconds: number; postgresSeconds: number; clientSeconds: number; wallSeconds: number; serverCores: number; postgresCores: number; clientCores: number; otherCores: number; stealCores: number } | null;
  cpuMsPer1000Updates: { server: number; postgres: number } | null;
  generator: { scheduleLagP99Ms: number; scheduleLagMaxMs: number; eventLoopDelayP99Ms: number; eventLoopDelayMaxMs: number };
  sent: { updates: number; syncSteps: number; awareness: number };
  acks: { ok: number; stored: number; refused: Record<string, number>; timedOut: number; updateAckMs: { p50: number; p99: number; max: number } } | null;
  disconnects: number;
  /** What the client processes noted (refusals, closed canvases), first ones. */
  clientProblems: string[];
  segments: Array<{ order: number; seconds: number; edits: number; p50Ms: number; p99Ms: number; serverCores: number | null; otherCores: number | null }>;
}

function summarise(run: TargetRun): TargetSummary {
  const all = run.segments.flatMap((segment) => segment.figures);
  const latencies = Float64Array.from(all.flatMap((figures) => [...figures.latenciesMs]));
  const [p50, p90, p99, p999, max] = percentiles(latencies, [50, 90, 99, 99.9, 100]);
  const edits = sum(all, (figures) => figures.edits);
  // The processes of one segment type at the same time: its length is the longest of theirs.
  const measuredSeconds = sum(run.segments, (segment) => Math.max(...segment.figures.map((figures) => figures.seconds)));
  const cpuSegments = run.segments.map((segment) => segment.cpu);
  const cpuKnown = cpuSegments.every((cpu): cpu is CpuTotals => cpu !== null);
  let cpu: TargetSummary['cpu'] = null;
  if (cpuKnown && cpuSegments.length) {
    const total = (pick: (cpu: CpuTotals) => number): number => sum(cpuSegments, pick);
    const wall = total((c) => c.wallSeconds);
    const cores = (value: number): number => round(value / wall);
    cpu = {
      serverSeconds: round(total((c) => c.server)),
      postgresSeconds: round(total((c) => c.postgres)),
      clientSeconds: round(total((c) => c.clients)),
      wallSeconds: round(wall),
      serverCores: cores(total((c) => c.server)),
      postgresCores: cores(total((c) => c.postgres)),
      clientCores: cores(total((c) => c.clients)),
      otherCores: cores(Math.max(0, total((c) => c.machine - c.server - c.postgres - c.clients))),
      stealCores: cores(total((c) => c.steal)),
    };
  }
  const acked = all.map((figures) => figures.acks).filter((acks): acks is NonNullable<EditFigures['acks']> => acks !== undefined);
  const refused: Record<string, number> = {};
  for (const acks of acked) for (const [code, count] of Object.entries(acks.refused)) refused[code] = (refused[code] ?? 0) + count;
  return {
    name: run.name,
    kind: run.kind,
    description: run.description,
    edits,
    measuredSeconds: round(measuredSeconds),
    updatesPerSecond: round(edits / measuredSeconds, 1),
    deliveries: latencies.length,
    undelivered: sum(all, (figures) => figures.undelivered),
    latencyMs: { mean: round(latencies.length ? sum([...latencies], (value) => value) / latencies.length : 0), p50: p50!, p90: p90!, p99: p99!, p999: p999!, max: max! },
    cpu,
    cpuMsPer1000Updates: cpu && edits ? { server: round((cpu.serverSeconds / edits) * 1e6, 1), postgres: round((cpu.postgresSeconds / edits) * 1e6, 1) } : null,
    generator: {
      scheduleLagP99Ms: Math.max(...all.map((figures) => figures.scheduleLagMs.p99)),
      scheduleLagMaxMs: Math.max(...all.map((figures) => figures.scheduleLagMs.max)),
      eventLoopDelayP99Ms: Math.max(...all.map((figures) => figures.eventLoopDelayMs.p99)),
      eventLoopDelayMaxMs: Math.max(...all.map((figures) => figures.eventLoopDelayMs.max)),
    },
    sent: { updates: sum(all, (f) => f.sent.updates), syncSteps: sum(all, (f) => f.sent.syncSteps), awareness: sum(all, (f) => f.sent.awareness) },
    acks: acked.length
      ? {
          ok: sum(acked, (acks) => acks.ok),
          stored: sum(acked, (acks) => acks.stored),
          refused,
          timedOut: sum(acked, (acks) => acks.timedOut),
          // Per-process percentiles: the highest of them is an upper bound of the pooled one.
          updateAckMs: { p50: Math.max(...acked.map((acks) => acks.updateAckMs.p50)), p99: Math.max(...acked.map((acks) => acks.updateAckMs.p99)), max: Math.max(...acked.map((acks) => acks.updateAckMs.max)) },
        }
      : null,
    disconnects: sum(all, (figures) => figures.disconnects),
    clientProblems: all.flatMap((figures) => figures.problems).slice(0, 20),
    segments: run.segments.map((segment) => {
      const values = Float64Array.from(segment.figures.flatMap((figures) => [...figures.latenciesMs]));
      const [segmentP50, segmentP99] = percentiles(values, [50, 99]);
      const wall = segment.cpu?.wallSeconds ?? 0;
      return {
        order: segment.order,
        seconds: Math.max(...segment.figures.map((figures) => figures.seconds)),
        edits: sum(segment.figures, (figures) => figures.edits),
        p50Ms: segmentP50!,
        p99Ms: segmentP99!,
        serverCores: segment.cpu && wall ? round(segment.cpu.server / wall) : null,
        otherCores: segment.cpu && wall ? round(Math.max(0, segment.cpu.machine - segment.cpu.server - segment.cpu.postgres - segment.cpu.clients) / wall) : null,
      };
    }),
  };
}

/** Problems the figures of a target show: anything not delivered, refused, lagging, or a busy machine. */
function targetProblems(summary: TargetSummary, problems: string[], label: string): void {
  if (summary.undelivered > 0) problems.push(`${label}: ${summary.undelivered} (edit, editor) deliveries still missing ${DRAIN_MS / 1000}s after the last edit of a segment`);
  if (summary.acks && (Object.keys(summary.acks.refused).length || summary.acks.timedOut)) {
    problems.push(`${label}: messages refused ${JSON.stringify(summary.acks.refused)}, ${summary.acks.timedOut} acks timed out`);
  }
  if (summary.disconnects > 0) problems.push(`${label}: ${summary.disconnects} disconnects while measuring`);
  if (summary.clientProblems.length) problems.push(`${label}: the clients noted: ${[...new Set(summary.clientProblems)].slice(0, 5).join('; ')}`);
  if (summary.generator.scheduleLagP99Ms > GENERATOR_LAG_LIMIT_MS) {
    problems.push(`${label}: the client processes ran behind their schedule (p99 ${summary.generator.scheduleLagP99Ms} ms late): the load generator was short of CPU, latencies include its delays`);
  }
  for (const segment of summary.segments) {
    if (segment.otherCores !== null && segment.otherCores > BUSY_CORES_LIMIT) {
      problems.push(`${label}: segment ${segment.order}: other processes used ${segment.otherCores} cores while it was measured`);
    }
  }
}

function verificationSummary(canvases: CanvasVerification[]): Record<string, unknown> {
  return {
    canvases: canvases.length,
    converged: canvases.filter((canvas) => canvas.converged).length,
    freshReaderMatches: canvases.filter((canvas) => canvas.freshReaderMatches).length,
    divergentEditors: sum(canvases, (canvas) => canvas.divergentEditors),
    missingEdits: sum(canvases, (canvas) => canvas.missingEdits),
    edits: sum(canvases, (canvas) => canvas.edits),
    characters: sum(canvases, (canvas) => canvas.characters),
    documentBytes: sum(canvases, (canvas) => canvas.documentBytes),
    freshReaderErrors: canvases.filter((canvas) => canvas.freshReaderError).map((canvas) => `${canvas.canvasId}: ${canvas.freshReaderError}`),
  };
}

/** Canvases whose stored document differs from what every editor ended with. */
async function compareWithDatabase(databaseUrl: string, canvases: CanvasVerification[]): Promise<{ matching: number; differing: string[] }> {
  const stored = await storedDocuments(
    databaseUrl,
    canvases.map((canvas) => canvas.canvasId),
  );
  const differing: string[] = [];
  for (const canvas of canvases) {
    const document = stored.get(canvas.canvasId)!;
    const expected = Object.entries(canvas.stateVector);
    const same = expected.length === document.vector.size && expected.every(([client, clock]) => document.vector.get(Number(client)) === clock) && document.pending.size === 0;
    if (!same) differing.push(`${canvas.canvasId}: stored ${JSON.stringify(Object.fromEntries(document.vector))}, editors ${JSON.stringify(canvas.stateVector)}`);
    document.content.destroy();
  }
  return { matching: canvases.length - differing.length, differing };
}

/** Acknowledged ranges the database does not hold, read while the hub is down. */
async function ackedButMissing(databaseUrl: string, marks: AckMarks): Promise<{ ranges: number; missing: string[] }> {
  const stored = await storedDocuments(databaseUrl, Object.keys(marks.canvases));
  let ranges = 0;
  const missing: string[] = [];
  for (const [canvasId, clients] of Object.entries(marks.canvases)) {
    const document = stored.get(canvasId)!;
    for (const [client, acked] of Object.entries(clients)) {
      for (const [start, end] of acked) {
        ranges += 1;
        if (!storedCovers(document, Number(client), start, end)) missing.push(`${canvasId} client ${client} [${start}, ${end})`);
      }
    }
    document.content.destroy();
  }
  return { ranges, missing };
}

async function run(context: ScenarioContext): Promise<ScenarioResult> {
  const { root, log } = context;
  const canvasCount = envInt('BENCH_COCREATE_CANVASES', 20);
  const editorsPerCanvas = envInt('BENCH_COCREATE_EDITORS', 10);
  const workload: Workload = { opsPerSecond: envInt('BENCH_COCREATE_OPS', 5), cardsPerCanvas: envInt('BENCH_COCREATE_CARDS', 11), insertChars: [1, 12] };
  const durationPerTarget = envInt('BENCH_COCREATE_DURATION', 60);
  const rounds = envInt('BENCH_ROUNDS', 2);
  const segmentSeconds = Math.max(1, Math.round(durationPerTarget / rounds));
  const warmupSeconds = envInt('BENCH_COCREATE_WARMUP', 10);
  const clientProcesses = envInt('BENCH_COCREATE_CLIENT_PROCESSES', 2);
  const faultSeconds = envInt('BENCH_COCREATE_FAULT_SECONDS', 30, true);
  const startTimeoutMs = envInt('BENCH_START_TIMEOUT', 120) * 1000;
  const poolSize = envInt('DATABASE_POOL_SIZE', 10);
  const idleWaitSeconds = envInt('BENCH_IDLE_WAIT', 120, true);
  // A database of its own: each run empties it, so the storage figures are this run's alone.
  const baseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const databaseUrl = withDatabaseName(baseUrl, `${databaseName(baseUrl)}_cocreate`);
  // The hub's canvas limits, passed on when set here; its defaults otherwise (recorded either way).
  const canvasEnv = Object.fromEntries(['CANVAS_UPDATES_PER_SECOND', 'CANVAS_MAX_UPDATE_BYTES', 'CANVAS_COMPACT_AFTER'].filter((name) => process.env[name]).map((name) => [name, process.env[name]!]));

  let bench: BenchHub = await startBenchHub({ root, tmpDir: context.tmpDir, name: NAME, databaseUrl, poolSize, startTimeoutMs, log, env: { ...canvasEnv, ALLOWED_ORIGINS: ORIGIN } });
  const data = await prepareCanvases({ databaseUrl, hubUrl: bench.hubUrl, jwtSecret: bench.jwtSecret, canvases: canvasCount, editorsPerCanvas, log });

  const referencePort = await freePort();
  log(`starting the Hocuspocus reference on 127.0.0.1:${referencePort}`);
  const reference = new ManagedProcess({
    name: 'hocuspocus',
    command: process.execPath,
    args: ['--import', 'tsx', join(root, 'bench/reference/bare-hocuspocus-server.ts')],
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(referencePort) },
    logFile: join(context.tmpDir, `${NAME}-hocuspocus.log`),
  });
  await waitForHttpOk(`http://127.0.0.1:${referencePort}/`, reference, startTimeoutMs);

  const problems: string[] = [];
  const groups: ClientGroup[] = [];
  const pgClient = new pg.Client({ connectionString: databaseUrl });
  await pgClient.connect();
  const database = databaseName(databaseUrl);
  try {
    const connectTimeoutMs = 30_000;
    const common = { root, tmpDir: context.tmpDir, count: clientProcesses, origin: ORIGIN, canvases: data.canvases, workload, seed: SEED, connectTimeoutMs };
    const hubClients = await ClientGroup.start({ ...common, target: 'hub', url: `http://127.0.0.1:${bench.port}` });
    groups.push(hubClients.group);
    log(`hub: ${canvasCount * editorsPerCanvas} editors connected and synced in ${hubClients.connectMs} ms`);
    const referenceClients = await ClientGroup.start({ ...common, target: 'hocuspocus', url: `ws://127.0.0.1:${referencePort}` });
    groups.push(referenceClients.group);
    log(`hocuspocus: ${canvasCount * editorsPerCanvas} editors connected and synced in ${referenceClients.connectMs} ms`);

    const runs: TargetRun[] = [
      {
        kind: 'hub',
        name: 'hub',
        description: 'innomed-hub /canvas namespace (socket.io, every update appended to PostgreSQL before it is relayed and acknowledged), production settings',
        group: hubClients.group,
        serverPid: () => bench.hub.pid,
        segments: [],
      },
      {
        kind: 'hocuspocus',
        name: 'hocuspocus',
        description: '@hocuspocus/server from npm, no extensions, no persistence (documents in memory)',
        group: referenceClients.group,
        serverPid: () => reference.pid,
        segments: [],
      },
    ];

    const { idleLoad, problem: busy } = await waitForQuietMachine(idleWaitSeconds, log);
    if (busy) problems.push(busy);

    for (const target of runs) {
      log(`warm-up ${target.name} ${warmupSeconds}s`);
      await target.group.edit(warmupSeconds, false, DRAIN_MS);
    }
    let order = 0;
    for (let roundIndex = 0; roundIndex < rounds; roundIndex += 1) {
      const sequence = roundIndex % 2 === 0 ? runs : [...runs].reverse();
      for (const target of sequence) {
        await sleep(1000);
        if (bench.hub.hasExited) throw new Error(`hub ${bench.hub.describeExit()} during the run:\n${bench.hub.recentOutput()}`);
        if (reference.hasExited) throw new Error(`hocuspocus ${reference.describeExit()} during the run:\n${reference.recentOutput()}`);
        order += 1;
        await measureSegment(target, segmentSeconds, order, pgClient, database);
        const last = target.segments[target.segments.length - 1]!;
        const latencies = Float64Array.from(last.figures.flatMap((figures) => [...figures.latenciesMs]));
        const [p50, p99] = percentiles(latencies, [50, 99]);
        log(`round ${roundIndex + 1}/${rounds} ${target.name}: ${sum(last.figures, (f) => f.edits)} edits, p50 ${p50} ms, p99 ${p99} ms, server ${last.cpu ? round(last.cpu.server / last.cpu.wallSeconds) : '?'} cores`);
      }
    }
    const summaries = runs.map(summarise);
    for (const summary of summaries) targetProblems(summary, problems, summary.name);

    // Convergence: every editor of a canvas holds the same document, and a fresh client reads it from the server.
    const verified: Record<TargetKind, CanvasVerification[]> = { hub: await hubClients.group.verify(30_000), hocuspocus: await referenceClients.group.verify(30_000) };
    for (const [kind, canvases] of Object.entries(verified)) {
      const bad = canvases.filter((canvas) => !canvas.converged || !canvas.freshReaderMatches || canvas.missingEdits > 0);
      if (bad.length) problems.push(`${kind}: ${bad.length} canvases diverged or lost edits: ${bad.slice(0, 3).map((canvas) => JSON.stringify({ ...canvas, stateVector: undefined })).join('; ')}`);
    }
    log(`verified: hub ${JSON.stringify(verificationSummary(verified.hub))}; hocuspocus ${JSON.stringify(verificationSummary(verified.hocuspocus))}`);
    // Every update persisted: the documents built from the database alone equal the editors'.
    const hubStored = await compareWithDatabase(databaseUrl, verified.hub);
    if (hubStored.differing.length) problems.push(`hub: the database differs from the editors' documents for ${hubStored.differing.length} canvases: ${hubStored.differing.slice(0, 2).join('; ')}`);

    // Storage once the background compactions have finished.
    const compaction = await awaitCompaction(
      databaseUrl,
      data.canvases.map((canvas) => canvas.id),
      3000,
      60_000,
    );
    if (!compaction.settled) problems.push('hub: compaction was still changing snapshots after 60 s; storage measured anyway');
    const storage: StorageFigures = await storageFigures(
      databaseUrl,
      data.canvases.map((canvas) => canvas.id),
    );
    const storedBytesPerUpdate = storage.storedUpdates ? round((storage.updateBytes + storage.snapshotBytes) / storage.storedUpdates, 1) : 0;
    log(`storage after compaction: ${JSON.stringify(storage)} → ${storedBytesPerUpdate} bytes per stored update`);

    // Fault test: the hub is killed while everyone types, then started again; nothing acknowledged may be lost.
    let fault: Record<string, unknown> | null = null;
    let faultCase: CaseResult | null = null;
    if (faultSeconds > 0) {
      const killAfterMs = Math.round((faultSeconds * 1000) / 3);
      log(`fault test: ${faultSeconds}s of editing on the hub, SIGKILL after ${killAfterMs / 1000}s, then a restart`);
      const editing = hubClients.group.edit(faultSeconds, true, DRAIN_MS);
      await sleep(killAfterMs);
      const killedAt = performance.now();
      await bench.hub.crash();
      // Nothing can be acknowledged any more: what the editors hold as acknowledged must be in the database.
      const marks = await hubClients.group.mark();
      const lostAcked = await ackedButMissing(databaseUrl, marks);
      log(`hub killed: ${lostAcked.ranges} acknowledged ranges, ${lostAcked.missing.length} of them not in the database; ${marks.unacknowledgedMessages} messages were in flight`);
      bench = await restartBenchHub(bench, { root, suffix: 'restarted', startTimeoutMs });
      const restartMs = Math.round(performance.now() - killedAt);
      log(`hub restarted ${restartMs} ms after the kill`);
      const figures = await editing;
      const settled = await hubClients.group.settle(60_000);
      const faultVerified = await hubClients.group.verify(30_000);
      const faultStored = await compareWithDatabase(databaseUrl, faultVerified);
      const missingEdits = sum(faultVerified, (canvas) => canvas.missingEdits);
      const divergent = faultVerified.filter((canvas) => !canvas.converged || !canvas.freshReaderMatches);
      const lost = lostAcked.missing.length + missingEdits + faultStored.differing.length + divergent.length;
      const latencies = Float64Array.from(figures.flatMap((f) => [...f.latenciesMs]));
      const [p50, p99, max] = percentiles(latencies, [50, 99, 100]);
      fault = {
        seconds: faultSeconds,
        killAfterSeconds: killAfterMs / 1000,
        restartMs,
        reconnected: settled,
        edits: sum(figures, (f) => f.edits),
        editsWhileDisconnected: sum(figures, (f) => f.editsWhileDisconnected),
        disconnects: sum(figures, (f) => f.disconnects),
        acknowledgedRangesAtKill: lostAcked.ranges,
        acknowledgedButNotStored: lostAcked.missing.slice(0, 20),
        inFlightAtKill: marks.unacknowledgedMessages,
        afterRestart: verificationSummary(faultVerified),
        databaseMatchesEditors: faultStored.matching,
        databaseDiffers: faultStored.differing.slice(0, 5),
        latencyMs: { p50, p99, max, deliveries: latencies.length },
        undeliveredAfterDrain: sum(figures, (f) => f.undelivered),
        acks: {
          stored: sum(figures, (f) => f.acks?.stored ?? 0),
          refused: figures.reduce<Record<string, number>>((total, f) => {
            for (const [code, count] of Object.entries(f.acks?.refused ?? {})) total[code] = (total[code] ?? 0) + count;
            return total;
          }, {}),
          timedOut: sum(figures, (f) => f.acks?.timedOut ?? 0),
        },
        clientProblems: figures.flatMap((f) => f.problems).slice(0, 10),
        lostUpdates: lost,
      };
      if (lost > 0) problems.push(`fault test: ${lost} lost (acknowledged but not stored at the kill ${lostAcked.missing.length}, missing at an editor ${missingEdits}, canvases where the database differs ${faultStored.differing.length}, diverged ${divergent.length})`);
      if (settled.connected < settled.editors) problems.push(`fault test: only ${settled.connected} of ${settled.editors} editors were back after the restart`);
      faultCase = {
        name: `hub, fault test (SIGKILL after ${killAfterMs / 1000}s of ${faultSeconds}s, restart)`,
        figures: {
          editors: settled.editors,
          'updates/s': round(sum(figures, (f) => f.edits) / Math.max(...figures.map((f) => f.seconds)), 1),
          'p50 ms': p50!,
          'p99 ms': p99!,
          'p99 ÷ reference p99': '',
          'server CPU ms / 1,000 updates': '',
          'PostgreSQL CPU ms / 1,000 updates': '',
          'stored bytes / update': '',
          'lost updates': lost,
        },
        goal: { description: 'zero lost updates', met: lost === 0 },
      };
      log(`fault test: ${lost} lost updates; editors back ${settled.connected}/${settled.editors} after ${settled.waitedMs} ms`);
    }

    const [hub, hocuspocus] = summaries as [TargetSummary, TargetSummary];
    const ratio = hub.latencyMs.p99 > 0 ? round(hocuspocus.latencyMs.p99 / hub.latencyMs.p99, 3) : 0;
    const lostHub = sum(verified.hub, (canvas) => canvas.missingEdits) + verified.hub.filter((canvas) => !canvas.converged || !canvas.freshReaderMatches).length + hubStored.differing.length;
    const lostReference = sum(verified.hocuspocus, (canvas) => canvas.missingEdits) + verified.hocuspocus.filter((canvas) => !canvas.converged || !canvas.freshReaderMatches).length;
    const everyUpdateStored = hubStored.differing.length === 0 && hub.acks !== null && Object.keys(hub.acks.refused).length === 0 && hub.acks.timedOut === 0;
    const valid = summaries.every((summary) => summary.undelivered === 0) && lostHub === 0 && lostReference === 0 && everyUpdateStored;
    const p99Met = hub.latencyMs.p99 <= GOAL_MAX_P99_FACTOR * hocuspocus.latencyMs.p99;
    const faultMet = fault === null || fault.lostUpdates === 0;
    const row = (summary: TargetSummary, extra: { ratio: string; stored: string; lost: number }): CaseResult['figures'] => ({
      editors: canvasCount * editorsPerCanvas,
      'updates/s': summary.updatesPerSecond,
      'p50 ms': summary.latencyMs.p50,
      'p99 ms': summary.latencyMs.p99,
      'p99 ÷ reference p99': extra.ratio,
      'server CPU ms / 1,000 updates': summary.cpuMsPer1000Updates?.server ?? '?',
      'PostgreSQL CPU ms / 1,000 updates': summary.kind === 'hub' ? (summary.cpuMsPer1000Updates?.postgres ?? '?') : '',
      'stored bytes / update': extra.stored,
      'lost updates': extra.lost,
    });
    const cases: CaseResult[] = [
      {
        name: 'hub',
        figures: row(hub, { ratio: hocuspocus.latencyMs.p99 > 0 ? (hub.latencyMs.p99 / hocuspocus.latencyMs.p99).toFixed(2) : '?', stored: String(storedBytesPerUpdate), lost: lostHub }),
        goal: { description: `p99 ≤ ${GOAL_MAX_P99_FACTOR} × reference, every update stored`, met: valid && p99Met },
      },
      { name: 'hocuspocus (reference)', figures: row(hocuspocus, { ratio: '1.00', stored: '', lost: lostReference }), goal: { description: '', met: true } },
      ...(faultCase ? [faultCase] : []),
    ];

    return {
      scenario: NAME,
      description: `${canvasCount} canvases × ${editorsPerCanvas} editors typing into cards at ${workload.opsPerSecond} edits/s each: the hub's /canvas namespace against a bare Hocuspocus server with the same clients' workload.`,
      date: new Date().toISOString(),
      machine: { ...machineInfo(), idleLoadBeforeMeasuring: idleLoad ?? null },
      source: sourceInfo(root),
      packages: packageVersions(root, ['@nestjs/core', '@nestjs/platform-socket.io', 'socket.io', 'socket.io-client', '@hocuspocus/server', '@hocuspocus/provider', 'yjs', 'y-protocols', 'lib0', 'ws', 'typeorm', 'pg']),
      settings: {
        canvases: canvasCount,
        editorsPerCanvas,
        workload,
        edit: 'one Yjs transaction inserting 1–12 characters (words) at a random position of a random card; cards: one per block (root Y.Array `block:<BLOCK>` of card Y.Maps with a Y.Text `text`), made by the first editor before warm-up',
        schedule: `every editor every ${1000 / workload.opsPerSecond} ms at a fixed phase of its own; the same seeds (cards, lengths, words) for both targets`,
        warmupSecondsPerTarget: warmupSeconds,
        rounds,
        segmentSeconds,
        measuredSecondsPerTarget: segmentSeconds * rounds,
        order: 'alternating per round (hub, hocuspocus, then hocuspocus, hub, ...); both targets stay connected throughout, the one not measured idle',
        drainMs: DRAIN_MS,
        clientProcesses,
        clients: {
          hub: 'socket.io-client, one connection per editor (forceNew, websocket transport), auth { token } and an allowed Origin; y-protocols sync (step 1 on open, step 2 answering the server, one update message per local transaction) and awareness; every message acknowledged',
          hocuspocus: '@hocuspocus/provider, one provider and one HocuspocusProviderWebsocket per editor over `ws` (Node 20 has no WebSocket global) with the same Origin header; awareness on, no batching (flushDelay false)',
          awareness: 'each editor has one local awareness state; like the Hocuspocus provider, every awareness change (including received ones and the 15 s renewals) is sent on',
        },
        latency:
          'per (edit, other editor of the canvas): from just before the local transaction to the end of the transaction that made the receiving document contain the edit (its Yjs client clock range), both timed with performance.now() in the same client process (all editors of a canvas share one)',
        cpu: 'utime + stime from /proc of the server process, of the PostgreSQL backends connected to the scenario database (the hub pool), and of the client processes, over each measured segment including its drain; per 1,000 updates = CPU ÷ local edits × 1,000',
        storage: `after the measured rounds and the background compactions (CANVAS_COMPACT_AFTER): SUM(octet_length) of canvas_updates.data and canvas_snapshots.state ÷ updates stored (the canvases' seq counters); relation sizes in verification.storage`,
        faultTest: faultSeconds > 0 ? `hub only: ${faultSeconds}s of the same editing, SIGKILL after a third, restart on the same port; acknowledged ranges checked against the database while the hub is down, then convergence, a fresh reader and the database against the editors` : 'skipped (BENCH_COCREATE_FAULT_SECONDS=0)',
        idleWaitSeconds,
        databasePoolSize: poolSize,
        database: { url: withoutPassword(databaseUrl), postgres: bench.serverVersion },
        hub: { NODE_ENV: 'production', LOG_LEVEL: 'warn', REDIS_URL: bench.redis ? 'set' : 'unset', ALLOWED_ORIGINS: ORIGIN, ...canvasEnv, canvasDefaultsOtherwise: 'CANVAS_UPDATES_PER_SECOND 30, CANVAS_MAX_UPDATE_BYTES 262144, CANVAS_COMPACT_AFTER 200', entry: bench.entry },
        limitation: `the client processes (${clientProcesses}), both servers and PostgreSQL share the machine's ${machineInfo().cpuCount} cores; the clients' CPU, schedule lag and event-loop delay are recorded per target`,
      },
      verification: {
        hub: { ...verificationSummary(verified.hub), databaseMatchesEditors: hubStored.matching, databaseDiffers: hubStored.differing.slice(0, 5) },
        hocuspocus: verificationSummary(verified.hocuspocus),
        storage: {
          ...storage,
          compaction,
          storedBytesPerUpdate,
          historyBytesPerUpdate: storage.storedUpdates ? round(storage.historyBytes / storage.storedUpdates, 1) : 0,
          relationBytesPerUpdate: storage.storedUpdates ? round((storage.relationBytes.canvasUpdates + storage.relationBytes.canvasSnapshots) / storage.storedUpdates, 1) : 0,
        },
        targets: summaries,
        fault,
        sameContentSizes: {
          hub: sum(verified.hub, (canvas) => canvas.characters),
          hocuspocus: sum(verified.hocuspocus, (canvas) => canvas.characters),
        },
      },
      targets: [],
      cases,
      ratio,
      goal: {
        metric: `reference p99 ÷ hub p99 (hub p99 within ${GOAL_MAX_P99_FACTOR}× the reference), every update stored, zero lost updates in the fault test`,
        min: round(1 / GOAL_MAX_P99_FACTOR, 3),
        met: valid && p99Met && faultMet,
      },
      valid,
      problems,
    };
  } finally {
    await pgClient.end();
    await Promise.all(groups.map((group) => group.close()));
  }
}

export const cocreate: Scenario = {
  name: NAME,
  description: 'Co-editing: 20 canvases × 10 editors at 5 edits/s each, hub vs a bare Hocuspocus server; latency, CPU per 1,000 updates, storage, a crash.',
  run,
};

