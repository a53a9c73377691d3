import { FREE, type Board } from './board.js';
import type { AllowedSlots } from './instance.js';
import type { Prng } from '@api/platform/random/prng.js';

/**
 * The first placement, meeting by meeting. Order matters most:
 *
 * - The `chosen` meetings first (see `chooseMeetings`): when participants have more accepted
 *   meetings than they can have, which ones are left out decides how many fit.
 * - Then the scarcest first: meetings with few slots both participants can use, and among equals
 *   those of busy participants, because they are the hardest to fit later.
 *
 * Each meeting takes the free slot next to most of its participants' meetings (compact agendas),
 * the earliest on a tie.
 */
export function placeGreedily(board: Board, allowed: AllowedSlots, chosen: Uint8Array, movable: (m: number) => boolean, rng: Prng): void {
  const { instance } = board;
  const { meetingCount: M, participantCount: P, ma, mb } = instance;
  const candidates: number[] = [];
  for (let m = 0; m < M; m += 1) {
    if (movable(m) && board.slotOf[m]! < 0 && allowed.start[m + 1]! > allowed.start[m]!) candidates.push(m);
  }
  rng.shuffle(candidates);

  const demand = new Int32Array(P);
  for (const m of candidates) {
    demand[ma[m]!]! += 1;
    demand[mb[m]!]! += 1;
  }
  const scarcity = (m: number): number => allowed.start[m + 1]! - allowed.start[m]!;
  const busyness = (m: number): number => demand[ma[m]!]! + demand[mb[m]!]!;
  // Stable sort keeps the shuffled order among equals, so ties depend on the seed only.
  candidates.sort((x, y) => chosen[y]! - chosen[x]! || scarcity(x) - scarcity(y) || busyness(y) - busyness(x));

  for (const m of candidates) {
    const s = bestFreeSlot(board, allowed, m);
    if (s >= 0) board.place(m, s);
  }
}

/** The free slot for meeting m that keeps its participants' agendas most compact, or -1. */
function bestFreeSlot(board: Board, allowed: AllowedSlots, m: number): number {
  const { instance } = board;
  const { slotCount: S, ma, mb, limit, tables, day } = instance;
  const a = ma[m]!;
  const b = mb[m]!;
  if (board.count[a]! >= limit[a]! || board.count[b]! >= limit[b]!) return -1;
  let best = -1;
  let bestScore = -1;
  for (let i = allowed.start[m]!; i < allowed.start[m + 1]!; i += 1) {
    const s = allowed.list[i]!;
    if (board.busy[a * S + s] !== FREE || board.busy[b * S + s] !== FREE || board.load[s]! >= tables) continue;
    let score = 0;
    for (const t of [s - 1, s + 1]) {
      if (t < 0 || t >= S || day[t] !== day[s]) continue;
      if (board.busy[a * S + t]! >= 0) score += 1;
      if (board.busy[b * S + t]! >= 0) score += 1;
    }
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  return best;
}
