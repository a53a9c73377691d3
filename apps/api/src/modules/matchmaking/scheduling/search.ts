import type { Board } from './board.js';
import type { AllowedSlots } from './instance.js';
import type { Prng } from '@api/platform/random/prng.js';

export interface SearchInput {
  board: Board;
  allowed: AllowedSlots;
  /** Meetings the search must not touch (pinned, or announced and not movable). */
  fixed: Uint8Array;
  /** What leaving a meeting out costs: 1, or more than all others together for announced meetings. */
  weight: Int32Array;
  rng: Prng;
  maxSteps: number;
  /** Give up after this many steps without a better schedule. */
  patience: number;
  /** Stop once this many are placed: the upper bound, so nothing better exists. */
  target: number;
  /**
   * Only these unplaced meetings are tried (all when absent; announced ones always); the others
   * count all the same.
   */
  focus?: Uint8Array;
}

/** Unplaced meetings looked at per step; more finds better steps, fewer makes each step cheaper. */
const SAMPLE = 12;
const IMPOSSIBLE = Number.MAX_SAFE_INTEGER;

/**
 * Tabu search over valid partial schedules (after PartialCol, Blöchliger and Zufferey 2008). A step
 * puts an unplaced meeting into one of its slots and takes out whatever is in the way: the meetings
 * its two participants already have in that slot, one meeting of the slot when its tables are all
 * taken, and one other meeting of a participant at their limit. What was taken out may not return to
 * the slot it left for a while (tabu), which drives the chains of moves that free room: a meeting
 * moves, the one it displaced moves elsewhere, and so on, as in alternating-path and Kempe-chain
 * repairs. Taking out a meeting of a participant at their limit in favour of another is the
 * alternating-path step of a b-matching. The best schedule seen is kept; the board ends there.
 */
export function improve(input: SearchInput): number {
  const { board, allowed, fixed, weight, rng } = input;
  const { instance } = board;
  const { meetingCount: M, slotCount: S, ma, mb, limit, tables, incident, incidentStart } = instance;

  const pool: number[] = [];
  const poolAt = new Int32Array(M).fill(-1);
  let cost = 0;
  // Announced meetings out of the schedule: while there are any, reaching the target is not enough.
  let heavyOut = 0;
  const addToPool = (m: number): void => {
    cost += weight[m]!;
    if (weight[m]! > 1) heavyOut += 1;
    if (input.focus && !input.focus[m] && weight[m] === 1) return;
    poolAt[m] = pool.length;
    pool.push(m);
  };
  const takeFromPool = (m: number): void => {
    cost -= weight[m]!;
    if (weight[m]! > 1) heavyOut -= 1;
    if (poolAt[m]! < 0) return;
    const last = pool.pop()!;
    if (last !== m) {
      pool[poolAt[m]!] = last;
      poolAt[last] = poolAt[m]!;
    }
    poolAt[m] = -1;
  };
  for (let m = 0; m < M; m += 1) {
    if (board.slotOf[m]! < 0 && !fixed[m] && allowed.start[m + 1]! > allowed.start[m]!) addToPool(m);
  }

  let bestCost = cost;
  let best = board.snapshot();
  const tabuUntil = new Int32Array(M * S);

  // The meetings a candidate step takes out, written into `out`; returns how many, or -1.
  const ejectFor = (m: number, s: number, out: Int32Array): number => {
    const a = ma[m]!;
    const b = mb[m]!;
    let n = 0;
    const ea = board.busy[a * S + s]!;
    const eb = board.busy[b * S + s]!;
    if (ea >= 0) {
      if (fixed[ea]) return -1;
      out[n++] = ea;
    }
    if (eb >= 0 && eb !== ea) {
      if (fixed[eb]) return -1;
      out[n++] = eb;
    }
    if (board.load[s]! - n >= tables) {
      const victim = slotVictim(s, out, n);
      if (victim < 0) return -1;
      out[n++] = victim;
    }
    for (const p of [a, b]) {
      let kept = board.count[p]!;
      for (let i = 0; i < n; i += 1) if (ma[out[i]!] === p || mb[out[i]!] === p) kept -= 1;
      if (kept < limit[p]!) continue;
      const victim = participantVictim(p, out, n);
      if (victim < 0) return -1;
      out[n++] = victim;
    }
    return n;
  };

  const taken = (out: Int32Array, n: number, m: number): boolean => {
    for (let i = 0; i < n; i += 1) if (out[i] === m) return true;
    return false;
  };

  // A movable meeting of slot s, cheap ones first, starting from a random member.
  const slotVictim = (s: number, out: Int32Array, n: number): number => {
    const load = board.load[s]!;
    const from = rng.below(load);
    let fallback = -1;
    for (let k = 0; k < load; k += 1) {
      const e = board.member(s, (from + k) % load);
      if (fixed[e] || taken(out, n, e)) continue;
      if (weight[e] === 1) return e;
      if (fallback < 0) fallback = e;
    }
    return fallback;
  };

  // A movable placed meeting of participant p, cheap ones first, chosen at random among equals.
  const participantVictim = (p: number, out: Int32Array, n: number): number => {
    let chosen = -1;
    let seen = 0;
    for (let i = incidentStart[p]!; i < incidentStart[p + 1]!; i += 1) {
      const e = incident[i]!;
      if (board.slotOf[e]! < 0 || fixed[e] || taken(out, n, e)) continue;
      if (chosen >= 0 && weight[e]! > weight[chosen]!) continue;
      if (chosen >= 0 && weight[e]! < weight[chosen]!) seen = 0;
      seen += 1;
      if (rng.below(seen) === 0) chosen = e;
    }
    return chosen;
  };

  const scratch = new Int32Array(8);
  const chosenOut = new Int32Array(8);
  let steps = 0;
  let bestStep = 0;
  for (; steps < input.maxSteps && steps - bestStep <= input.patience && pool.length > 0; steps += 1) {
    if (board.placed >= input.target && heavyOut === 0) break;
    let bestDelta = IMPOSSIBLE;
    let chosenM = -1;
    let chosenS = -1;
    let chosenN = 0;
    let ties = 0;
    const sample = Math.min(SAMPLE, pool.length);
    for (let k = 0; k < sample; k += 1) {
      const m = pool[sample === pool.length ? k : rng.below(pool.length)]!;
      for (let i = allowed.start[m]!; i < allowed.start[m + 1]!; i += 1) {
        const s = allowed.list[i]!;
        const n = ejectFor(m, s, scratch);
        if (n < 0) continue;
        let delta = -weight[m]!;
        for (let j = 0; j < n; j += 1) delta += weight[scratch[j]!]!;
        const tabu = tabuUntil[m * S + s]! > steps && cost + delta >= bestCost;
        if (tabu || delta > bestDelta) continue;
        if (delta < bestDelta) ties = 0;
        ties += 1;
        if (delta < bestDelta || rng.below(ties) === 0) {
          bestDelta = delta;
          chosenM = m;
          chosenS = s;
          chosenN = n;
          chosenOut.set(scratch.subarray(0, n));
        }
      }
    }
    if (chosenM < 0) continue;

    const tenure = Math.floor(0.6 * pool.length) + rng.below(10) + 1;
    for (let j = 0; j < chosenN; j += 1) {
      const e = chosenOut[j]!;
      tabuUntil[e * S + board.slotOf[e]!] = steps + tenure;
      board.remove(e);
      addToPool(e);
    }
    board.place(chosenM, chosenS);
    takeFromPool(chosenM);
    if (cost < bestCost) {
      bestCost = cost;
      bestStep = steps;
      best = board.snapshot();
    }
  }
  if (cost !== bestCost) board.restore(best);
  return steps;
}
