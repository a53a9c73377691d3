import { Board } from './board.js';
import { clashesAt, type Clash } from './clashes.js';
import { totalIdleGaps } from './compaction.js';
import { buildInstance } from './instance.js';
import type { ScheduleResult, SchedulingProblem } from './types.js';

export type MoveCheck = { ok: true; slot: number; table: number } | { ok: false; clashes: Clash[]; message: string };

/**
 * Whether the organiser may put `meetingId` into `slot` (at `table`, or the lowest free one) of this
 * schedule, every other meeting staying where it is. A refusal lists each clash and names what is in
 * the way: the participant and the meeting keeping them busy, an unavailable participant, a break,
 * a full slot or the meeting at the table.
 */
export function validateMove(problem: SchedulingProblem, current: ScheduleResult, meetingId: string, slot: number, table?: number): MoveCheck {
  const { board, m } = boardWithout(problem, current, meetingId);
  if (m < 0) {
    const clash: Clash = { kind: 'UNKNOWN_MEETING', meetingId, message: `Meeting ${meetingId} is not in the session` };
    return { ok: false, clashes: [clash], message: clash.message };
  }
  const clashes = clashesAt(board, m, slot, table);
  if (clashes.length) return { ok: false, clashes, message: `Meeting ${meetingId} cannot go to slot ${slot}: ${clashes.map((clash) => clash.message).join('; ')}` };
  const s = board.instance.positionOf.get(slot)!;
  let free = table ?? 0;
  while (table === undefined && board.tableHeldBy(s, free) >= 0) free += 1;
  return { ok: true, slot, table: free };
}

/** The schedule after the move, or the refusal of `validateMove`. */
export function moveMeeting(
  problem: SchedulingProblem,
  current: ScheduleResult,
  meetingId: string,
  slot: number,
  table?: number,
): { ok: true; result: ScheduleResult } | Extract<MoveCheck, { ok: false }> {
  const check = validateMove(problem, current, meetingId, slot, table);
  if (!check.ok) return check;
  const { board, m } = boardWithout(problem, current, meetingId);
  board.place(m, board.instance.positionOf.get(slot)!, check.table);
  const placements = current.placements.filter((placement) => placement.meetingId !== meetingId);
  placements.push({ meetingId, slot: check.slot, table: check.table });
  const position = (index: number): number => board.instance.positionOf.get(index)!;
  placements.sort((x, y) => position(x.slot) - position(y.slot) || x.table - y.table);
  const unplaced = current.unplaced.filter((entry) => entry.meetingId !== meetingId);
  const announced = new Map(problem.meetings.map((meeting) => [meeting.id, meeting.placement]));
  const moved = placements.filter(({ meetingId: id, slot: at, table: seat }) => {
    const before = announced.get(id);
    return before !== undefined && (before.slot !== at || before.table !== seat);
  }).length;
  const stats = { ...current.stats, placed: placements.length, unplaced: unplaced.length, idleGaps: totalIdleGaps(board), moved };
  return { ok: true, result: { placements, unplaced, stats } };
}

/** The schedule on a board, without the meeting about to move (so it does not clash with itself). */
function boardWithout(problem: SchedulingProblem, current: ScheduleResult, meetingId: string): { board: Board; m: number } {
  const instance = buildInstance(problem);
  const meetingOf = new Map(problem.meetings.map((meeting, index) => [meeting.id, index]));
  const perSlot = new Map<number, number>();
  for (const { slot } of current.placements) perSlot.set(slot, (perSlot.get(slot) ?? 0) + 1);
  const board = new Board(instance, Math.max(instance.tables, ...perSlot.values()));
  for (const placement of current.placements) {
    const m = meetingOf.get(placement.meetingId);
    const s = instance.positionOf.get(placement.slot);
    if (m === undefined || s === undefined || placement.meetingId === meetingId || instance.ma[m]! < 0) continue;
    board.place(m, s, placement.table);
  }
  return { board, m: meetingOf.get(meetingId) ?? -1 };
}
