import { FREE, type Board } from './board.js';
import { idleGaps } from './compaction.js';
import { allows, type AllowedSlots } from './instance.js';
import type { Prng } from '@api/platform/random/prng.js';

const START_TEMPERATURE = 1;
const END_TEMPERATURE = 0.05;

/**
 * Simulated annealing on idle gaps. The same two steps as `compact` (move a meeting to a free slot,
 * or trade slots with a meeting that shares a participant), proposed at random and also taken when
 * they add gaps, with a probability that falls as the temperature cools: early on that lets agendas
 * be rearranged past local optima, at the end only improvements pass. No step changes what is
 * placed or breaks a constraint. Meetings for which `movable` is false stay.
 */
export function anneal(board: Board, allowed: AllowedSlots, movable: (m: number) => boolean, rng: Prng, steps: number): void {
  const { instance } = board;
  const { meetingCount: M, slotCount: S, ma, mb, tables } = instance;
  const candidates: number[] = [];
  for (let m = 0; m < M; m += 1) if (board.slotOf[m]! >= 0 && movable(m) && allowed.start[m + 1]! - allowed.start[m]! > 1) candidates.push(m);
  if (candidates.length === 0 || steps <= 0) return;

  // Each participant's idle gaps, kept current so a step only recounts the two it changes.
  const gaps = new Int32Array(instance.participantCount);
  for (let p = 0; p < gaps.length; p += 1) gaps[p] = idleGaps(board, p);
  const cooling = Math.pow(END_TEMPERATURE / START_TEMPERATURE, 1 / steps);
  // Takes the step (and its new gap counts) or leaves the caller to undo it.
  const accept = (p: number, q: number, temperature: number): boolean => {
    const gapsP = idleGaps(board, p);
    const gapsQ = idleGaps(board, q);
    const delta = gapsP + gapsQ - gaps[p]! - gaps[q]!;
    if (delta > 0 && rng.next() >= Math.exp(-delta / temperature)) return false;
    gaps[p] = gapsP;
    gaps[q] = gapsQ;
    return true;
  };
  let temperature = START_TEMPERATURE;
  for (let step = 0; step < steps; step += 1, temperature *= cooling) {
    const m = candidates[rng.below(candidates.length)]!;
    const from = board.slotOf[m]!;
    const to = allowed.list[allowed.start[m]! + rng.below(allowed.start[m + 1]! - allowed.start[m]!)]!;
    if (to === from) continue;
    const a = ma[m]!;
    const b = mb[m]!;
    const atA = board.busy[a * S + to]!;
    const atB = board.busy[b * S + to]!;

    if (atA === FREE && atB === FREE) {
      if (board.load[to]! >= tables) continue;
      board.remove(m);
      board.place(m, to);
      if (accept(a, b, temperature)) continue;
      board.remove(m);
      board.place(m, from);
      continue;
    }

    // One participant is busy at `to` with another meeting {stays, c}: trade slots with it. (Both
    // are available at `to`, it being an allowed slot, so "not busy" means free.)
    if ((atA >= 0) === (atB >= 0)) continue;
    const [stays, moves, other] = atA >= 0 ? [a, b, atA] : [b, a, atB];
    if (!movable(other)) continue;
    const c = ma[other] === stays ? mb[other]! : ma[other]!;
    if (c === moves || board.busy[c * S + from] !== FREE || !allows(allowed, other, from)) continue;
    board.remove(m);
    board.remove(other);
    board.place(m, to);
    board.place(other, from);
    if (accept(moves, c, temperature)) continue;
    board.remove(m);
    board.remove(other);
    board.place(m, from);
    board.place(other, to);
  }
}
