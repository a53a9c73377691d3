import { anneal } from './annealing.js';
import { augment } from './augment.js';
import { ruinAndRepair } from './ruin-repair.js';
import { Board } from './board.js';
import { clashesAt } from './clashes.js';
import { compact, totalIdleGaps } from './compaction.js';
import { placeGreedily } from './greedy.js';
import { allowedSlots, buildInstance, requirements, type AllowedSlots, type Requirement } from './instance.js';
import { Prng } from '@api/platform/random/prng.js';
import { unplacedReason } from './reasons.js';
import { improve } from './search.js';
import { chooseMeetings } from './selection.js';
import type { Placement, ScheduleOptions, ScheduleResult, SchedulingProblem, MeetingSpec, SlotTable } from './types.js';
import { boundWithPairFlow } from './upper-bound.js';

const DEFAULT_SEED = 20190901;
/**
 * Search steps per meeting at effort 1, and steps without progress before giving up. The search
 * stops at once when it reaches the upper bound, which on generated sessions it nearly always does.
 */
const STEPS_PER_MEETING = 20;
const PATIENCE_PER_MEETING = 2;
const MIN_PATIENCE = 1000;
/**
 * Ruin-and-repair rounds per meeting at effort 1, and rounds without a gain before giving up. Like
 * the search, they stop at once at the upper bound, so sessions that reach it pay nothing; the
 * minimums matter on small hard sessions, where 1–2 meetings short of the optimum is already 1–2%.
 */
const RUIN_ROUNDS_PER_MEETING = 1;
const MIN_RUIN_ROUNDS = 1000;
const RUIN_PATIENCE_PER_MEETING = 0.5;
const MIN_RUIN_PATIENCE = 600;
/** Annealing steps per meeting at effort 1: idle gaps keep falling with more, time grows linearly. */
const ANNEALING_STEPS_PER_MEETING = 80;

/**
 * Schedules every accepted meeting it can. Pinned meetings go exactly where pinned; announced ones
 * (`placement`) stay unless `allowMoves`, and with it may move but are never left out for others.
 * Then a choice of meetings within the participants' limits, a greedy placement, augmenting chains,
 * an improving search up to the upper bound, chains again, ruin and repair, and annealing plus a final descent that shorten idle gaps without changing
 * what is placed. Pure and deterministic for a given seed.
 */
export function schedule(problem: SchedulingProblem, options: ScheduleOptions = {}): ScheduleResult {
  const instance = buildInstance(problem);
  const M = instance.meetingCount;
  const required = requirements(instance, options);
  const allowed = allowedSlots(instance, required);
  const { parts, pairFlow, cap } = boundWithPairFlow(instance, allowed);
  const bound = parts.bound;
  const board = new Board(instance);
  const rng = new Prng(options.seed ?? DEFAULT_SEED);

  const fixed = new Uint8Array(M);
  const weight = new Int32Array(M).fill(1);
  const movableAnnounced = problem.meetings.map((meeting) => (options.allowMoves && !meeting.pinned ? meeting.placement : undefined));
  for (let m = 0; m < M; m += 1) {
    if (required[m]!.position !== -1) fixed[m] = 1;
    // Worth more than all other meetings together: no trade ever leaves an announced meeting out.
    if (movableAnnounced[m]) weight[m] = M + 1;
  }

  const pinFailures = placeRequired(board, required);
  for (let m = 0; m < M; m += 1) {
    const announced = movableAnnounced[m];
    const s = announced && instance.positionOf.get(announced.slot);
    if (announced && s !== undefined && clashesAt(board, m, announced.slot).length === 0) board.place(m, s);
  }
  const movable = (m: number): boolean => !fixed[m];
  const chosen = chooseMeetings(board, allowed, pairFlow, cap, movable, rng);
  placeGreedily(board, allowed, chosen, movable, rng);
  // First fit the chosen meetings that the greedy pass left out; only then try trading for others.
  const effort = options.effort ?? 1;
  const budget = { maxSteps: Math.round((effort * STEPS_PER_MEETING * M) / 2), patience: Math.round(effort * (PATIENCE_PER_MEETING * M + MIN_PATIENCE)) };
  const searchInput = { board, allowed, fixed, weight, rng, ...budget, target: bound };
  let searchSteps = improve({ ...searchInput, focus: chosen });
  searchSteps += improve(searchInput);
  // Only sessions the search left below the bound get here; on them (few slots, many blocked) its
  // random steps stall, and chains plus rebuilt neighbourhoods find what is left.
  augment(searchInput);
  const rounds = Math.round(effort * (RUIN_ROUNDS_PER_MEETING * M + MIN_RUIN_ROUNDS));
  searchSteps += ruinAndRepair({ ...searchInput, rounds, patience: Math.round(effort * (RUIN_PATIENCE_PER_MEETING * M + MIN_RUIN_PATIENCE)) });
  returnToAnnounced(board, movableAnnounced);
  const compactable = (m: number): boolean => !fixed[m] && !movableAnnounced[m];
  anneal(board, allowed, compactable, rng, Math.round(effort * ANNEALING_STEPS_PER_MEETING * M));
  compact(board, allowed, compactable);
  assignTables(board, problem.meetings);

  return resultOf(board, allowed, pinFailures, bound, searchSteps);
}

/**
 * Adds late acceptances to an announced schedule. The meetings of `problem` keep their places in
 * `existing` (unless `allowMoves`, and even then none is left out); `newMeetings` and those not
 * placed before are fitted around them.
 */
export function placeIncrementally(
  problem: SchedulingProblem,
  existing: Pick<ScheduleResult, 'placements'>,
  newMeetings: readonly MeetingSpec[],
  options: ScheduleOptions = {},
): ScheduleResult {
  const announced = new Map<string, SlotTable>(existing.placements.map((placement) => [placement.meetingId, { slot: placement.slot, table: placement.table }]));
  const meetings = problem.meetings.map((meeting) => {
    const placement = announced.get(meeting.id);
    return placement ? { ...meeting, placement } : meeting;
  });
  return schedule({ ...problem, meetings: [...meetings, ...newMeetings] }, options);
}

/** Places pinned meetings, then announced ones that may not move; returns why each refused one was refused. */
function placeRequired(board: Board, required: readonly Requirement[]): Map<number, string> {
  const { problem } = board.instance;
  const failures = new Map<number, string>();
  const order = required.map((_, m) => m).filter((m) => required[m]!.position !== -1);
  order.sort((x, y) => Number(required[y]!.pinned) - Number(required[x]!.pinned) || x - y);
  for (const m of order) {
    const meeting = problem.meetings[m]!;
    const place = (meeting.pinned ?? meeting.placement)!;
    const clashes = clashesAt(board, m, place.slot, place.table);
    if (clashes.length === 0) {
      board.place(m, required[m]!.position, place.table ?? -1);
      continue;
    }
    const where = `${meeting.pinned ? 'Pinned to' : 'Announced in'} slot ${place.slot}${place.table === undefined ? '' : ` at table ${place.table}`}`;
    failures.set(m, `${where}: ${clashes.map((clash) => clash.message).join('; ')}`);
  }
  return failures;
}

/** The search may have moved announced meetings without need; back they go wherever there is room. */
function returnToAnnounced(board: Board, announced: readonly (SlotTable | undefined)[]): void {
  for (let m = 0; m < announced.length; m += 1) {
    const place = announced[m];
    const s = place && board.instance.positionOf.get(place.slot);
    if (!place || s === undefined || board.slotOf[m] === s || board.slotOf[m]! < 0) continue;
    const from = board.slotOf[m]!;
    board.remove(m);
    board.place(m, clashesAt(board, m, place.slot).length === 0 ? s : from);
  }
}

/**
 * Tables: pinned ones are set already; an announced meeting keeps its table when it stays in its
 * slot and the table is free; the others take the lowest free tables.
 */
function assignTables(board: Board, meetings: readonly MeetingSpec[]): void {
  const { instance } = board;
  for (let s = 0; s < instance.slotCount; s += 1) {
    const members: number[] = [];
    for (let i = 0; i < board.load[s]!; i += 1) members.push(board.member(s, i));
    members.sort((x, y) => x - y);
    for (const m of members) {
      const place = meetings[m]!.placement;
      if (board.tableOf[m]! >= 0 || !place || instance.positionOf.get(place.slot) !== s) continue;
      if (place.table >= 0 && place.table < instance.tables && board.tableHeldBy(s, place.table) < 0) board.setTable(m, place.table);
    }
    let next = 0;
    for (const m of members) {
      if (board.tableOf[m]! >= 0) continue;
      while (board.tableHeldBy(s, next) >= 0) next += 1;
      board.setTable(m, next);
    }
  }
}

function resultOf(board: Board, allowed: AllowedSlots, pinFailures: Map<number, string>, upperBound: number, searchSteps: number): ScheduleResult {
  const { instance } = board;
  const { problem } = instance;
  const placements: Placement[] = [];
  const unplaced = [];
  let moved = 0;
  for (let m = 0; m < instance.meetingCount; m += 1) {
    const meeting = problem.meetings[m]!;
    const s = board.slotOf[m]!;
    if (s < 0) {
      unplaced.push(unplacedReason(board, allowed, m, pinFailures.get(m)));
      continue;
    }
    const placement = { meetingId: meeting.id, slot: instance.slotIndex[s]!, table: board.tableOf[m]! };
    placements.push(placement);
    if (meeting.placement && (meeting.placement.slot !== placement.slot || meeting.placement.table !== placement.table)) moved += 1;
  }
  placements.sort((x, y) => instance.positionOf.get(x.slot)! - instance.positionOf.get(y.slot)! || x.table - y.table);
  return {
    placements,
    unplaced,
    stats: {
      meetings: instance.meetingCount,
      placed: placements.length,
      unplaced: unplaced.length,
      upperBound,
      idleGaps: totalIdleGaps(board),
      moved,
      searchSteps,
    },
  };
}
