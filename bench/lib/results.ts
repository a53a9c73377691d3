import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MachineInfo } from './environment.js';
import type { TargetFigures } from './load.js';

/** One measured server in a scenario. */
export interface TargetResult {
  name: string;
  role: 'subject' | 'reference';
  description: string;
  figures: TargetFigures;
  /**
   * Cores in use while this target was measured (1.0 = one full core): the server itself, the load
   * generator (the runner), everything else (PostgreSQL and any other process), and hypervisor steal.
   */
  cpu?: { serverCores: number; loadGeneratorCores: number; otherCores: number; stealCores: number };
  rssMiBAfter?: number;
  /** Lines the server logged (at the bench log level) while under load. */
  logLinesDuringLoad: number;
  /** Per-segment figures as autocannon reported them. */
  segments: Array<{ order: number; durationSeconds: number; responses: number; requestsPerSecondMean: number; latencyP50Ms: number; latencyP99Ms: number }>;
}

/** What a scenario (or one workload of it) is judged by. */
export interface Goal {
  metric: string;
  /** Lowest acceptable subject requests/s ÷ reference requests/s. */
  min: number;
  /** Highest acceptable p99 latency of the subject, in ms, where the scenario sets one. */
  maxP99Ms?: number;
  met: boolean;
}

/** One request shape of a scenario that measures several, each subject against its reference. */
export interface WorkloadResult {
  name: string;
  description: string;
  /** The GraphQL variables (or other parameters) of the measured request. */
  request: Record<string, unknown>;
  targets: TargetResult[];
  ratio: number;
  goal: Goal & { ratioMet: boolean; p99Met: boolean };
  valid: boolean;
}

/**
 * One input of a scenario that measures a computation in the runner's process rather than servers
 * under load (such a scenario has no targets): its figures become a row of its own table.
 */
export interface CaseResult {
  name: string;
  /** Table columns, in this order; the same keys for every case of a scenario. */
  figures: Record<string, number | string>;
  /** An empty description marks a row that is not judged (a reference shown beside its subject). */
  goal: { description: string; met: boolean };
}

export interface ScenarioResult {
  scenario: string;
  description: string;
  date: string;
  machine: MachineInfo & { idleLoadBeforeMeasuring?: { busyCores: number; stealCores: number } | null };
  source: unknown;
  packages: Record<string, string>;
  settings: Record<string, unknown>;
  verification: Record<string, unknown>;
  /** The measured servers; empty when the scenario measures per workload (see `workloads`). */
  targets: TargetResult[];
  /** Scenarios with several request shapes: one entry each, with its own targets, ratio and goal. */
  workloads?: WorkloadResult[];
  /** Scenarios that measure a computation: one entry per input, shown in a table of their own. */
  cases?: CaseResult[];
  /** subject requests/s ÷ reference requests/s; with workloads, the lowest of theirs. */
  ratio: number;
  goal: Goal;
  /** False when any request failed (socket error, timeout, non-2xx or unexpected body). */
  valid: boolean;
  problems: string[];
  /** Figures of a scenario whose measurements do not fit `targets` or `workloads` (e.g. rate steps). */
  measurements?: unknown;
}

/** The start of the problem note of a run that began on a busy machine (see waitForQuietMachine). */
export const BUSY_NOTE = 'machine busy before measuring';
/** Results of such runs are written beside the recorded ones, never over them. */
const BUSY_SUFFIX = '.busy.json';

export function isBusyRun(result: ScenarioResult): boolean {
  return result.problems.some((problem) => problem.startsWith(BUSY_NOTE));
}

/**
 * Writes `<scenario>.json`, or `<scenario>.busy.json` when the run began on a busy machine: figures
 * skewed by other processes must not replace the recorded ones (nor appear in the README table).
 */
export function writeResult(dir: string, result: ScenarioResult): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${result.scenario}${isBusyRun(result) ? BUSY_SUFFIX : '.json'}`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

export function readResults(dir: string): ScenarioResult[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !name.endsWith(BUSY_SUFFIX))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as ScenarioResult);
}

export const RESULTS_START = '<!-- results:start -->';
export const RESULTS_END = '<!-- results:end -->';

const fixed = (value: number, digits: number): string => value.toFixed(digits);

/** The goal cell: the ratio (and p99 where the goal has one) and whether they were met. */
function goalCell(goal: Goal, ratio: number, p99Ms: number, valid: boolean): string {
  const failedRequests = valid ? '' : ', run had failed requests';
  if (goal.maxP99Ms === undefined) return `≥ ${fixed(goal.min, 2)} (${goal.met ? 'met' : 'not met'}${failedRequests})`;
  const missed = [...(ratio >= goal.min ? [] : ['ratio']), ...(p99Ms < goal.maxP99Ms ? [] : ['p99'])];
  const verdict = goal.met ? 'met' : missed.length ? `not met: ${missed.join(', ')}` : 'not met';
  return `≥ ${fixed(goal.min, 2)}, p99 < ${goal.maxP99Ms} ms (${verdict}${failedRequests})`;
}

function tableRow(label: string, target: TargetResult, ratio: number, goal: Goal, valid: boolean): string {
  const { figures } = target;
  const isReference = target.role === 'reference';
  const ratioCell = isReference ? '1.00 (reference)' : fixed(ratio, 2);
  const goalText = isReference ? '' : goalCell(goal, ratio, figures.latencyMs.p99, valid);
  return `| ${label} | ${target.name} | ${fixed(figures.requestsPerSecond, 0)} | ${fixed(figures.latencyMs.p50, 2)} | ${fixed(figures.latencyMs.p99, 2)} | ${ratioCell} | ${goalText} |`;
}

export function resultsTable(results: ScenarioResult[]): string {
  const lines = [
    '| scenario | target | req/s | p50 ms | p99 ms | ratio vs reference | goal |',
    '| --- | --- | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const result of results) {
    for (const target of result.targets) lines.push(tableRow(result.scenario, target, result.ratio, result.goal, result.valid));
    for (const workload of result.workloads ?? []) {
      for (const target of workload.targets) lines.push(tableRow(`${result.scenario}: ${workload.name}`, target, workload.ratio, workload.goal, workload.valid));
    }
  }
  if (results.length === 0) lines.push('| (no results yet) | | | | | | |');
  for (const result of results) if (result.cases?.length) lines.push('', ...casesTable(result.scenario, result.cases));
  if (results.length) lines.push('');
  for (const result of results) {
    const { machine } = result;
    lines.push(
      `- ${result.scenario}: measured ${result.date} on ${machine.cpuCount} × ${machine.cpuModel}, ${machine.totalMemoryGiB} GiB, Node ${machine.node}; ` +
        `full figures in \`bench/results/${result.scenario}.json\`.`,
    );
    for (const problem of result.problems) lines.push(`  - ${problem}`);
  }
  return lines.join('\n');
}

/** Cases with other columns than the ones before them (another kind of input) start a table of their own. */
function casesTable(scenario: string, cases: CaseResult[]): string[] {
  const key = (entry: CaseResult): string => Object.keys(entry.figures).join('\u0000');
  const split = cases.findIndex((entry) => key(entry) !== key(cases[0]!));
  if (split > 0) return [...casesTable(scenario, cases.slice(0, split)), '', ...casesTable(scenario, cases.slice(split))];
  const columns = Object.keys(cases[0]!.figures);
  return [
    `| ${scenario} | ${columns.join(' | ')} | goal |`,
    `| --- | ${columns.map(() => '---:').join(' | ')} | --- |`,
    ...cases.map(
      (entry) =>
        `| ${entry.name} | ${columns.map((column) => String(entry.figures[column] ?? '')).join(' | ')} | ${entry.goal.description ? `${entry.goal.description} (${entry.goal.met ? 'met' : 'not met'})` : ''} |`,
    ),
  ];
}

/** Rewrites the part of the README between the result markers; the rest of the file is left alone. */
export function updateReadme(readmePath: string, resultsDir: string): void {
  const readme = readFileSync(readmePath, 'utf8');
  const start = readme.indexOf(RESULTS_START);
  const end = readme.indexOf(RESULTS_END);
  if (start === -1 || end === -1 || end < start) {
    throw new Error(`${readmePath} lacks the ${RESULTS_START} / ${RESULTS_END} markers`);
  }
  const table = resultsTable(readResults(resultsDir));
  const next = `${readme.slice(0, start + RESULTS_START.length)}\n${table}\n${readme.slice(end)}`;
  if (next !== readme) writeFileSync(readmePath, next);
}
