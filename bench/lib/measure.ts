import { relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { idleMachineLoad, machineCpu, ownCpuSeconds } from './cpu.js';
import { combineSegments, runLoad, type LoadRequest, type LoadSegment, type LoadSettings } from './load.js';
import type { ManagedProcess } from './processes.js';
import { BUSY_NOTE, type TargetResult } from './results.js';

/** Cores other processes may use while our servers idle before the run is flagged as disturbed. */
export const BUSY_CORES_LIMIT = 0.25;

/** One server as measured in one scenario (or one workload of it). */
export interface Target {
  name: string;
  role: 'subject' | 'reference';
  description: string;
  process: ManagedProcess;
  graphqlUrl: string;
  segments: Array<{ order: number; segment: LoadSegment }>;
  /** CPU seconds accumulated over the measured segments; null once any reading was unavailable. */
  cpu: { server: number; runner: number; machine: number; steal: number } | null;
  logLinesBeforeLoad: number;
}

export function newTarget(fields: Pick<Target, 'name' | 'role' | 'description' | 'process' | 'graphqlUrl'>): Target {
  return { ...fields, segments: [], cpu: { server: 0, runner: 0, machine: 0, steal: 0 }, logLinesBeforeLoad: fields.process.outputLines };
}

/** Measures one segment and adds its CPU use to the target's totals. */
export async function measure(target: Target, request: LoadRequest, settings: LoadSettings): Promise<LoadSegment> {
  const before = { server: target.process.cpuSeconds(), runner: ownCpuSeconds(), machine: machineCpu() };
  const segment = await runLoad(request, settings);
  const after = { server: target.process.cpuSeconds(), runner: ownCpuSeconds(), machine: machineCpu() };
  if (target.cpu && before.server !== undefined && after.server !== undefined && before.machine && after.machine) {
    target.cpu.server += after.server - before.server;
    target.cpu.runner += after.runner - before.runner;
    target.cpu.machine += after.machine.busy - before.machine.busy;
    target.cpu.steal += after.machine.steal - before.machine.steal;
  } else {
    target.cpu = null;
  }
  return segment;
}

export function coresUsed(cpu: NonNullable<Target['cpu']>, seconds: number): NonNullable<TargetResult['cpu']> {
  const cores = (value: number): number => Math.round((value / seconds) * 100) / 100;
  return {
    serverCores: cores(cpu.server),
    loadGeneratorCores: cores(cpu.runner),
    otherCores: cores(Math.max(0, cpu.machine - cpu.server - cpu.runner)),
    stealCores: cores(cpu.steal),
  };
}

/**
 * Anything else keeping the machine busy skews both targets; measure it while our servers are idle,
 * and wait up to `idleWaitSeconds` for it to calm down. Returns the last reading and, when the machine
 * stayed busy, the note to record with the results (`situation` says when the reading was taken).
 */
export async function waitForQuietMachine(
  idleWaitSeconds: number,
  log: (message: string) => void,
  situation = 'while both servers were idle',
): Promise<{ idleLoad: { busyCores: number; stealCores: number } | undefined; problem: string | null }> {
  const idleDeadline = Date.now() + idleWaitSeconds * 1000;
  let idleLoad = await idleMachineLoad(3000);
  while (idleLoad && idleLoad.busyCores > BUSY_CORES_LIMIT && Date.now() < idleDeadline) {
    log(`machine busy (${idleLoad.busyCores} cores used by other processes); waiting for it to calm down`);
    await sleep(5000);
    idleLoad = await idleMachineLoad(3000);
  }
  if (idleLoad && idleLoad.busyCores > BUSY_CORES_LIMIT) {
    const note = `${BUSY_NOTE}: ${idleLoad.busyCores} cores in use by other processes ${situation}`;
    log(`warning: ${note}`);
    return { idleLoad, problem: note };
  }
  return { idleLoad, problem: null };
}

/**
 * Unrecorded load on every target, one after the other: `seconds`, then more until at least `requests`
 * were answered. A slow target gets as many warm-up requests (JIT, caches, pools) as a fast one, which
 * a warm-up by seconds alone does not give it.
 */
export async function warmUp(
  targets: Target[],
  requestFor: (target: Target) => LoadRequest,
  settings: LoadSettings,
  warmup: { seconds: number; requests: number },
  log: (message: string) => void,
  label = '',
): Promise<void> {
  for (const target of targets) {
    log(`warm-up ${label}${target.name} ${warmup.seconds}s, at least ${warmup.requests} requests`);
    const timed = warmup.seconds > 0 ? await runLoad(requestFor(target), { ...settings, durationSeconds: warmup.seconds }) : undefined;
    const missing = warmup.requests - (timed?.responses ?? 0);
    if (missing > 0) await runLoad(requestFor(target), { ...settings, amount: missing });
  }
}

/** Measured rounds; the order of the targets alternates each round (a, b, then b, a, ...). */
export async function measureInRounds(
  targets: Target[],
  requestFor: (target: Target) => LoadRequest,
  settings: LoadSettings,
  rounds: number,
  log: (message: string) => void,
  label = '',
): Promise<void> {
  let order = 0;
  for (let round = 0; round < rounds; round += 1) {
    const sequence = round % 2 === 0 ? targets : [...targets].reverse();
    for (const target of sequence) {
      await sleep(1000);
      if (target.process.hasExited) throw new Error(`${target.name} ${target.process.describeExit()} during the run:\n${target.process.recentOutput()}`);
      order += 1;
      const segment = await measure(target, requestFor(target), settings);
      target.segments.push({ order, segment });
      const rate = segment.responses / segment.durationSeconds;
      log(`round ${round + 1}/${rounds} ${label}${target.name}: ${rate.toFixed(0)} req/s, ${segment.errors} errors, ${segment.non2xx} non-2xx, ${segment.mismatches} bad bodies`);
    }
  }
}

/** Pools a target's segments into its results; failed requests and log lines under load become problems. */
export function summariseTarget(target: Target, root: string, problems: string[], label = ''): TargetResult {
  const figures = combineSegments(target.segments.map(({ segment }) => segment));
  const logLinesDuringLoad = target.process.outputLines - target.logLinesBeforeLoad;
  const failed = figures.errors + figures.non2xx + figures.mismatches;
  if (failed > 0) {
    problems.push(
      `${label}${target.name}: ${figures.errors} errors (${figures.timeouts} timeouts), ${figures.non2xx} non-2xx, ${figures.mismatches} unexpected bodies; status codes ${JSON.stringify(figures.statusCodes)}`,
    );
  }
  if (logLinesDuringLoad > 0) {
    const sample = target.process.outputSince(target.logLinesBeforeLoad, 3).map((line) => line.slice(0, 300));
    problems.push(`${label}${target.name} logged ${logLinesDuringLoad} lines under load (log: ${relative(root, target.process.logFile)}); first: ${sample.join(' | ')}`);
  }
  return {
    name: target.name,
    role: target.role,
    description: target.description,
    figures,
    cpu: target.cpu && figures.measuredSeconds > 0 ? coresUsed(target.cpu, figures.measuredSeconds) : undefined,
    rssMiBAfter: target.process.rssMiB(),
    logLinesDuringLoad,
    segments: target.segments.map(({ order: position, segment }) => ({
      order: position,
      durationSeconds: segment.durationSeconds,
      responses: segment.responses,
      requestsPerSecondMean: segment.autocannon.requestsPerSecondMean,
      latencyP50Ms: segment.autocannon.latencyP50Ms,
      latencyP99Ms: segment.autocannon.latencyP99Ms,
    })),
  };
}
