import { allowedSlots, buildInstance, requirements, type Instance } from './instance.js';
import type { ScheduleOptions, SchedulingProblem } from './types.js';

/**
 * The scheduling problem as an integer linear programme, written in the CPLEX LP text format that
 * MILP solvers read. The hub never solves it: the benchmark and the specs hand it to an exact solver
 * (a development dependency) to learn the true optimum of small sessions, which tells how far the
 * scheduler and the upper bound each are from it. Building the text is pure and lives here, next to
 * the rules it encodes, so the two cannot drift apart.
 *
 * Variables: x[m, s] ∈ {0, 1} for each meeting m and each slot s it may take (usable, both
 * participants available, its pinned slot or, unless `allowMoves`, its announced one: the same
 * A(m) as the upper bound). Maximise Σ x subject to
 * - each meeting at most once: Σ_s x[m, s] ≤ 1;
 * - tables: Σ_m x[m, s] ≤ tables in each slot;
 * - nobody in two meetings at once: Σ_{m ∋ p} x[m, s] ≤ 1 for each participant p and slot s;
 * - limits: Σ_{m ∋ p, s} x[m, s] ≤ maxMeetings(p).
 * Pinned tables, and the rule that announced meetings are never left out, are not modelled: the
 * optimum is the most meetings any valid schedule with these slot choices places, which is what
 * the scheduler's count and the upper bound are compared with.
 */
export interface ExactModel {
  /** The model in CPLEX LP format; empty when there is no variable (the optimum is then 0). */
  lp: string;
  /** Column name → [meeting position, slot position]. */
  columns: Map<string, [number, number]>;
  instance: Instance;
}

/** Terms per line: LP readers accept long lines, but short ones keep the text readable and safe. */
const TERMS_PER_LINE = 12;

export function exactModel(problem: SchedulingProblem, options: ScheduleOptions = {}): ExactModel {
  const instance = buildInstance(problem);
  const allowed = allowedSlots(instance, requirements(instance, options));
  const { meetingCount: M, participantCount: P, slotCount: S, ma, mb, limit, tables } = instance;
  const columns = new Map<string, [number, number]>();
  const bySlot: string[][] = Array.from({ length: S }, () => []);
  const byParticipantSlot: string[][] = Array.from({ length: P * S }, () => []);
  const byParticipant: string[][] = Array.from({ length: P }, () => []);
  const rows: string[] = [];
  const objective: string[] = [];

  for (let m = 0; m < M; m += 1) {
    const own: string[] = [];
    for (let i = allowed.start[m]!; i < allowed.start[m + 1]!; i += 1) {
      const s = allowed.list[i]!;
      const name = `x${m}_${s}`;
      columns.set(name, [m, s]);
      own.push(name);
      objective.push(name);
      bySlot[s]!.push(name);
      byParticipantSlot[ma[m]! * S + s]!.push(name);
      byParticipantSlot[mb[m]! * S + s]!.push(name);
      byParticipant[ma[m]!]!.push(name);
      byParticipant[mb[m]!]!.push(name);
    }
    if (own.length > 1) rows.push(row(`once${m}`, own, 1));
  }
  if (columns.size === 0) return { lp: '', columns, instance };

  // Rows that can never bind are left out: fewer rows, same optimum.
  for (let s = 0; s < S; s += 1) if (bySlot[s]!.length > tables) rows.push(row(`tables${s}`, bySlot[s]!, tables));
  for (let p = 0; p < P; p += 1) {
    for (let s = 0; s < S; s += 1) {
      const terms = byParticipantSlot[p * S + s]!;
      if (terms.length > 1) rows.push(row(`busy${p}_${s}`, terms, 1));
    }
    if (byParticipant[p]!.length > limit[p]!) rows.push(row(`limit${p}`, byParticipant[p]!, limit[p]!));
  }

  const names = [...columns.keys()];
  const lp = [
    'Maximize',
    ` placed: ${lines(objective)}`,
    'Subject To',
    // A model needs at least one row; this one always holds.
    ...(rows.length ? rows : [` none: ${names[0]} <= 1`]),
    'Binary',
    ...chunk(names).map((part) => ` ${part.join(' ')}`),
    'End',
    '',
  ].join('\n');
  return { lp, columns, instance };
}

/**
 * The placements (as meeting id and slot index) of a solver's answer: the columns whose value is
 * 1 within the solver's tolerance.
 */
export function placementsOfSolution(model: ExactModel, values: ReadonlyMap<string, number>): Array<{ meetingId: string; slot: number }> {
  const { instance } = model;
  const placements: Array<{ meetingId: string; slot: number }> = [];
  for (const [name, [m, s]] of model.columns) {
    if ((values.get(name) ?? 0) > 0.5) placements.push({ meetingId: instance.problem.meetings[m]!.id, slot: instance.slotIndex[s]! });
  }
  return placements;
}

function row(name: string, terms: readonly string[], bound: number): string {
  return ` ${name}: ${lines(terms)} <= ${bound}`;
}

function lines(terms: readonly string[]): string {
  return chunk(terms)
    .map((part) => part.join(' + '))
    .join('\n   + ');
}

function chunk(terms: readonly string[]): string[][] {
  const parts: string[][] = [];
  for (let i = 0; i < terms.length; i += TERMS_PER_LINE) parts.push(terms.slice(i, i + TERMS_PER_LINE));
  return parts;
}

/** What `solveExactly` needs of a MILP solver: the one-shot `solve` of the `highs` package has this shape. */
export interface LpSolver {
  solve(lp: string, options?: Record<string, unknown>): { Status: string; ObjectiveValue: number; Columns: Record<string, { Primal?: number }> };
}

export interface ExactAnswer {
  /** 'Optimal' when proved; otherwise the solver's status and, when it had one, its best schedule. */
  status: string;
  optimal: boolean;
  placed: number;
  placements: Array<{ meetingId: string; slot: number }>;
}

/**
 * Solves the model with the given solver (loaded by the caller, so the hub never depends on it).
 * The count comes from the rounded solution, not from the floating-point objective.
 */
export function solveExactly(solver: LpSolver, problem: SchedulingProblem, options: ScheduleOptions = {}, timeLimitSeconds = 300): ExactAnswer {
  const model = exactModel(problem, options);
  if (!model.lp) return { status: 'Optimal', optimal: true, placed: 0, placements: [] };
  const solution = solver.solve(model.lp, { output_flag: false, time_limit: timeLimitSeconds, mip_rel_gap: 0, random_seed: 1 });
  const values = new Map<string, number>();
  for (const [name, column] of Object.entries(solution.Columns ?? {})) if (typeof column.Primal === 'number') values.set(name, column.Primal);
  const placements = placementsOfSolution(model, values);
  return { status: solution.Status, optimal: solution.Status === 'Optimal', placed: placements.length, placements };
}
