import type { Board } from './board.js';
import type { AllowedSlots } from './instance.js';
import type { Prng } from '@api/platform/random/prng.js';

/**
 * Which meetings to try to place first, when participants have more accepted meetings than they
 * can have. It is a capacitated b-matching: as many meetings as possible with at most cap(p) per
 * participant. Starting from the optimal fractional one of the bound's flow (`pairFlow`: meetings
 * with flow 2 first, then 1), meetings are added while both sides have room; then augmenting paths
 * add one more at a time: a path from a participant with room to another with room that alternates
 * between a meeting not chosen and one chosen; swapping them along the path keeps every inner
 * participant's count and raises both ends' by one. The search for paths is a breadth-first search
 * without blossom shrinking, so it may miss some in odd cycles; the scheduler's search covers those.
 *
 * Meetings already on the board (pinned, or announced) stay chosen; meetings `movable` rejects and
 * meetings without an allowed slot are never chosen.
 */
export function chooseMeetings(board: Board, allowed: AllowedSlots, pairFlow: Uint8Array, cap: Int32Array, movable: (m: number) => boolean, rng: Prng): Uint8Array {
  const { instance } = board;
  const { meetingCount: M, participantCount: P, ma, mb, incident, incidentStart } = instance;
  const chosen = new Uint8Array(M);
  const fixedChoice = new Uint8Array(M);
  const degree = new Int32Array(P);
  const candidate = new Uint8Array(M);
  for (let m = 0; m < M; m += 1) {
    if (board.slotOf[m]! >= 0) {
      chosen[m] = 1;
      fixedChoice[m] = 1;
      degree[ma[m]!]! += 1;
      degree[mb[m]!]! += 1;
    } else if (movable(m) && allowed.start[m + 1]! > allowed.start[m]!) {
      candidate[m] = 1;
    }
  }
  const room = (p: number): number => cap[p]! - degree[p]!;

  const order = rng.shuffle(Array.from({ length: M }, (_, m) => m).filter((m) => candidate[m]));
  order.sort((x, y) => pairFlow[y]! - pairFlow[x]!);
  for (const m of order) {
    if (room(ma[m]!) > 0 && room(mb[m]!) > 0) {
      chosen[m] = 1;
      degree[ma[m]!]! += 1;
      degree[mb[m]!]! += 1;
    }
  }

  // Breadth-first search for augmenting paths, one at a time; each adds one meeting.
  const even = new Int32Array(P);
  const odd = new Int32Array(P);
  const viaEven = new Int32Array(P);
  const viaOdd = new Int32Array(P);
  const queue = new Int32Array(P);
  const usedEdge = new Uint8Array(M);
  const other = (m: number, p: number): number => (ma[m] === p ? mb[m]! : ma[m]!);

  const tryAugment = (round: number): boolean => {
    let write = 0;
    for (let p = 0; p < P; p += 1) {
      if (room(p) > 0) {
        even[p] = round;
        viaEven[p] = -1;
        queue[write++] = p;
      }
    }
    for (let read = 0; read < write; read += 1) {
      const u = queue[read]!;
      for (let i = incidentStart[u]!; i < incidentStart[u + 1]!; i += 1) {
        const e = incident[i]!;
        if (chosen[e] || !candidate[e]) continue;
        const v = other(e, u);
        if (room(v) > 0 && flip(u, e, v)) return true;
        if (odd[v] === round) continue;
        odd[v] = round;
        viaOdd[v] = e;
        for (let j = incidentStart[v]!; j < incidentStart[v + 1]!; j += 1) {
          const f = incident[j]!;
          if (!chosen[f] || fixedChoice[f]) continue;
          const w = other(f, v);
          if (even[w] === round) continue;
          even[w] = round;
          viaEven[w] = f;
          queue[write++] = w;
        }
      }
    }
    return false;
  };

  // The path: v ← e ← u, then back through the labels to a participant with room. Checked, then swapped.
  const flip = (u: number, e: number, v: number): boolean => {
    const path = [e];
    let root = u;
    while (viaEven[root]! >= 0) {
      const f = viaEven[root]!;
      const q = other(f, root);
      path.push(f, viaOdd[q]!);
      root = other(viaOdd[q]!, q);
    }
    // Without blossoms a walk can use a meeting twice; such a walk is not a valid swap.
    let valid = root !== v || room(v) >= 2;
    for (const m of path) {
      if (usedEdge[m]) valid = false;
      usedEdge[m] = 1;
    }
    for (const m of path) usedEdge[m] = 0;
    if (!valid) return false;
    for (const m of path) {
      const delta = chosen[m] ? -1 : 1;
      chosen[m] = chosen[m] ? 0 : 1;
      degree[ma[m]!]! += delta;
      degree[mb[m]!]! += delta;
    }
    return true;
  };

  for (let round = 1; tryAugment(round); round += 1);
  return chosen;
}
