import { BLOCKED, FREE, type Board } from './board.js';
import { allows, type AllowedSlots } from './instance.js';

/**
 * Idle gaps of participant p: slots they could meet in (usable, available) but have no meeting in,
 * lying between their first and last meeting of the same day. Breaks and unavailable slots are not
 * idle time the schedule could have used, so they do not count.
 */
export function idleGaps(board: Board, p: number): number {
  const { slotCount: S, day } = board.instance;
  let gaps = 0;
  let pending = 0;
  let started = false;
  for (let s = 0; s < S; s += 1) {
    if (s > 0 && day[s] !== day[s - 1]) {
      started = false;
      pending = 0;
    }
    const holder = board.busy[p * S + s]!;
    if (holder === BLOCKED) continue;
    if (holder === FREE) {
      if (started) pending += 1;
      continue;
    }
    gaps += pending;
    pending = 0;
    started = true;
  }
  return gaps;
}

export function totalIdleGaps(board: Board): number {
  let total = 0;
  for (let p = 0; p < board.instance.participantCount; p += 1) total += idleGaps(board, p);
  return total;
}

const MAX_PASSES = 8;

/**
 * Lowers idle gaps by moving meetings, never changing what is placed, so agendas get more compact at
 * no cost to the primary aim. Two kinds of step, each taken only when it lowers the gaps:
 *
 * - move a meeting to a slot where both participants are free and a table is left;
 * - swap a meeting {a, b} with a meeting {a, c} of another slot (or {b, c}): a keeps the same slots,
 *   b and c trade, and both slots keep their number of meetings.
 *
 * Meetings for which `movable` is false stay.
 */
export function compact(board: Board, allowed: AllowedSlots, movable: (m: number) => boolean): void {
  const { instance } = board;
  const { meetingCount: M, participantCount: P, slotCount: S, ma, mb, tables } = instance;
  // openBefore[p * (S + 1) + s]: slots before position s in which p could meet (not blocked).
  const openBefore = new Int32Array(P * (S + 1));
  for (let p = 0; p < P; p += 1) {
    for (let s = 0; s < S; s += 1) openBefore[p * (S + 1) + s + 1] = openBefore[p * (S + 1) + s]! + (board.busy[p * S + s] === BLOCKED ? 0 : 1);
  }
  const costA = new Int32Array(S);
  const costB = new Int32Array(S);
  const costC = new Int32Array(S);

  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    let improved = false;
    for (let m = 0; m < M; m += 1) {
      const from = board.slotOf[m]!;
      if (from < 0 || !movable(m)) continue;
      const a = ma[m]!;
      const b = mb[m]!;
      board.remove(m);
      addingCosts(board, openBefore, a, costA);
      addingCosts(board, openBefore, b, costB);
      let best = from;
      let bestCost = costA[from]! + costB[from]!;
      for (let i = allowed.start[m]!; i < allowed.start[m + 1]!; i += 1) {
        const s = allowed.list[i]!;
        const cost = costA[s]! + costB[s]!;
        if (cost >= bestCost || board.busy[a * S + s] !== FREE || board.busy[b * S + s] !== FREE || board.load[s]! >= tables) continue;
        best = s;
        bestCost = cost;
      }
      if (best !== from) {
        board.place(m, best);
        improved = true;
        continue;
      }

      // No move helps: look for the best swap. Gains add up because m does not involve c and the
      // other meeting does not involve the participant of m that changes slot.
      let swapWith = -1;
      let swapSlot = -1;
      let swapGain = 0;
      for (let i = allowed.start[m]!; i < allowed.start[m + 1]!; i += 1) {
        const s = allowed.list[i]!;
        for (let side = 0; side < 2; side += 1) {
          const [stays, moves, costMoves] = side === 0 ? [a, b, costB] : [b, a, costA];
          const other = board.busy[stays * S + s]!;
          if (other < 0 || !movable(other) || board.busy[moves * S + s] !== FREE) continue;
          const c = ma[other] === stays ? mb[other]! : ma[other]!;
          if (c === moves || board.busy[c * S + from] !== FREE || !allows(allowed, other, from)) continue;
          board.remove(other);
          addingCosts(board, openBefore, c, costC);
          board.place(other, s);
          const gain = costMoves[from]! - costMoves[s]! + costC[s]! - costC[from]!;
          if (gain > swapGain) {
            swapWith = other;
            swapSlot = s;
            swapGain = gain;
          }
        }
      }
      if (swapWith < 0) {
        board.place(m, from);
        continue;
      }
      board.remove(swapWith);
      board.place(m, swapSlot);
      board.place(swapWith, from);
      improved = true;
    }
    if (!improved) break;
  }
}

/**
 * For each slot s, how much p's idle gaps would grow with one more meeting at s (negative when it
 * fills a gap). Within the day's first and last meeting it fills a gap (−1); before the first it
 * turns the open slots between into gaps; on a day without meetings it costs nothing.
 */
function addingCosts(board: Board, openBefore: Int32Array, p: number, cost: Int32Array): void {
  const { slotCount: S, day } = board.instance;
  const row = p * (S + 1);
  let start = 0;
  while (start < S) {
    let end = start;
    while (end < S && day[end] === day[start]) end += 1;
    let first = -1;
    let last = -1;
    for (let s = start; s < end; s += 1) {
      if (board.busy[p * S + s]! < 0) continue;
      if (first < 0) first = s;
      last = s;
    }
    for (let s = start; s < end; s += 1) {
      if (first < 0) cost[s] = 0;
      else if (s < first) cost[s] = openBefore[row + first]! - openBefore[row + s]! - 1;
      else if (s > last) cost[s] = openBefore[row + s + 1]! - openBefore[row + last + 1]! - 1;
      else cost[s] = -1;
    }
    start = end;
  }
}
