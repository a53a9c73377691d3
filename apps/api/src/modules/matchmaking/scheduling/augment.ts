import type { Board } from './board.js';
import type { AllowedSlots } from './instance.js';
import type { Prng } from '@api/platform/random/prng.js';

export interface AugmentInput {
  board: Board;
  allowed: AllowedSlots;
  /** Meetings that must not move or leave (pinned, or announced and not movable). */
  fixed: Uint8Array;
  /** 1, or more for meetings that must never be left out (announced ones): those are never dropped. */
  weight: Int32Array;
  rng: Prng;
  /** Stop once this many are placed (the upper bound). */
  target: number;
}

/** Searches start from these unplaced meetings only (all unplaced ones when absent). */
export type Roots = readonly number[] | undefined;

/** Deepest chain followed: deep enough for every chain the generated sessions needed, shallow enough for the stack. */
const MAX_DEPTH = 50;

/**
 * Augmenting chains: each success places one meeting more and leaves every other placed meeting
 * placed, or swaps a dropped one for another, so the count rises by exactly one. From an unplaced
 * meeting x, it tries each slot s x may take where exactly one thing is in the way:
 *
 * - a participant of x already meets in s (meeting y): y gives way and looks for another slot in
 *   the same way (a Kempe-like chain through slots), or y is left out and the room it frees for its
 *   other participant goes to one of their unplaced meetings;
 * - the tables of s are all taken: one meeting of s gives way and moves to another slot the same way;
 * - a participant of x is at their limit: one of their meetings y is left out, and the room it frees
 *   for y's other participant goes to one of that participant's unplaced meetings (the alternating
 *   path of a b-matching, with slots checked at every step).
 *
 * With `maxObstacles` above 1, steps with several of these at once are tried too (each displaced
 * meeting followed up in turn); the scheduler uses 1, which found more on the generated sessions
 * because a wider step spends the visited marks that a longer chain would have needed.
 *
 * Meetings placed during one search are not taken out again in it, so every success is a net gain.
 * Like Kuhn's matching algorithm, every (meeting, slot) pair and every participant's freed room is
 * tried at most once per search, so one search costs time linear in the allowed pairs; it is a
 * heuristic (the problem is NP-hard), complementing the tabu search whose random steps rarely find
 * long chains on sessions with few slots. Returns how many meetings it added.
 */
export function augment(input: AugmentInput, only?: Roots, maxObstacles = 1): number {
  const { board, allowed, fixed, weight, rng } = input;
  const { instance } = board;
  const { meetingCount: M, participantCount: P, slotCount: S, ma, mb, limit, tables, incident, incidentStart } = instance;
  const visited = new Int32Array(M * S);
  const roomVisited = new Int32Array(P);
  const dropTried = new Int32Array(M);
  // Meetings placed during the current search stay put for the rest of it: taking one out again
  // would undo a gain the chain already counted on.
  const placedIn = new Int32Array(M);
  let stamp = 0;

  // Every change is journalled, so a failed branch is undone exactly, however deep it went.
  const journal: number[] = [];
  const move = (m: number, s: number): void => {
    journal.push(m, board.slotOf[m]!);
    if (board.slotOf[m]! >= 0) board.remove(m);
    if (s >= 0) {
      board.place(m, s);
      placedIn[m] = stamp;
    }
  };
  const rollback = (mark: number): void => {
    while (journal.length > mark) {
      const from = journal.pop()!;
      const m = journal.pop()!;
      if (board.slotOf[m]! >= 0) board.remove(m);
      if (from >= 0) board.place(m, from);
    }
  };

  const locked = (y: number): boolean => fixed[y] === 1 || placedIn[y] === stamp;
  const droppable = (y: number): boolean => !locked(y) && weight[y] === 1;
  const otherThan = (y: number, p: number): number => (ma[y] === p ? mb[y]! : ma[y]!);
  const involves = (y: number, p: number): boolean => ma[y] === p || mb[y] === p;

  // The room one of c's meetings no longer takes goes to one of c's unplaced meetings.
  const useRoom = (c: number, depth: number): boolean => {
    if (roomVisited[c] === stamp || depth > MAX_DEPTH) return false;
    roomVisited[c] = stamp;
    for (let i = incidentStart[c]!; i < incidentStart[c + 1]!; i += 1) {
      const z = incident[i]!;
      if (board.slotOf[z]! < 0 && !fixed[z] && place(z, depth + 1)) return true;
    }
    return false;
  };

  // A meeting that gave way: another slot, or (when it may be left out) the room it frees for `freed`.
  const relocate = (y: number, freed: number, depth: number): boolean => {
    // An earlier follow-up of the same step placed y already: that gain was counted there.
    if (board.slotOf[y]! >= 0) return false;
    const mark = journal.length;
    if (place(y, depth + 1)) return true;
    rollback(mark);
    return freed >= 0 && droppable(y) && useRoom(freed, depth + 1);
  };

  const place = (x: number, depth: number): boolean => {
    if (depth > MAX_DEPTH) return false;
    const a = ma[x]!;
    const b = mb[x]!;
    for (let i = allowed.start[x]!; i < allowed.start[x + 1]!; i += 1) {
      const s = allowed.list[i]!;
      if (visited[x * S + s] === stamp) continue;
      visited[x * S + s] = stamp;
      const ya = board.busy[a * S + s]!;
      const yb = board.busy[b * S + s]!;
      if ((ya >= 0 && locked(ya)) || (yb >= 0 && locked(yb))) continue;
      const busyOut = ya >= 0 && yb >= 0 && ya !== yb ? [ya, yb] : ya >= 0 ? [ya] : yb >= 0 ? [yb] : [];
      const full = board.load[s]! - busyOut.length >= tables;
      const atLimit = (p: number): boolean => board.count[p]! - busyOut.filter((y) => involves(y, p)).length >= limit[p]!;
      const limitA = atLimit(a);
      const limitB = atLimit(b);
      const obstacles = busyOut.length + Number(full) + Number(limitA) + Number(limitB);
      if (obstacles === 0) {
        move(x, s);
        return true;
      }
      if (obstacles > maxObstacles) continue;

      const mark = journal.length;
      for (const y of busyOut) move(y, -1);
      // Then what must happen after x is in: each displaced meeting relocated, each freed room used.
      const after: Array<() => boolean> = busyOut.map((y) => () => relocate(y, otherThan(y, involves(y, a) ? a : b), depth));
      const limited = [limitA ? a : -1, limitB ? b : -1];
      if (chooseTable(x, s, full, depth, after, (withTable) => chooseLimit(x, limited[0]!, depth, withTable, (withA) => chooseLimit(x, limited[1]!, depth, withA, (all) => settle(x, s, all))))) return true;
      rollback(mark);
    }
    return false;
  };

  // Runs the follow-ups after placing x in s; all must succeed, or the caller rolls back.
  const settle = (x: number, s: number, after: Array<() => boolean>): boolean => {
    const mark = journal.length;
    move(x, s);
    for (const next of after) {
      if (!next()) {
        rollback(mark);
        return false;
      }
    }
    return true;
  };

  type Then = (follow: Array<() => boolean>) => boolean;

  // When slot s is full, one of its meetings moves to another slot.
  const chooseTable = (x: number, s: number, full: boolean, depth: number, follow: Array<() => boolean>, then: Then): boolean => {
    if (!full) return then(follow);
    for (let k = 0; k < board.load[s]!; k += 1) {
      const z = board.member(s, k);
      if (locked(z) || visited[z * S + s] === stamp) continue;
      visited[z * S + s] = stamp;
      const mark = journal.length;
      move(z, -1);
      if (then([...follow, () => relocate(z, -1, depth)])) return true;
      rollback(mark);
    }
    return false;
  };

  // When p is at their limit, one of p's meetings is left out and its other participant's room used.
  const chooseLimit = (x: number, p: number, depth: number, follow: Array<() => boolean>, then: Then): boolean => {
    if (p < 0) return then(follow);
    for (let k = incidentStart[p]!; k < incidentStart[p + 1]!; k += 1) {
      const z = incident[k]!;
      if (z === x || board.slotOf[z]! < 0 || !droppable(z) || dropTried[z] === stamp) continue;
      const c = otherThan(z, p);
      if (roomVisited[c] === stamp) continue;
      dropTried[z] = stamp;
      const mark = journal.length;
      move(z, -1);
      if (then([...follow, () => useRoom(c, depth + 1)])) return true;
      rollback(mark);
    }
    return false;
  };

  let added = 0;
  while (board.placed < input.target) {
    const roots: number[] = [];
    const open = (m: number): boolean => board.slotOf[m]! < 0 && !fixed[m] && allowed.start[m + 1]! > allowed.start[m]!;
    if (only) {
      for (const m of only) if (open(m)) roots.push(m);
    } else {
      for (let m = 0; m < M; m += 1) if (open(m)) roots.push(m);
    }
    rng.shuffle(roots);
    const before = board.placed;
    for (const m of roots) {
      if (board.placed >= input.target) break;
      if (board.slotOf[m]! >= 0) continue;
      stamp += 1;
      journal.length = 0;
      place(m, 0);
    }
    const gained = board.placed - before;
    added += gained;
    if (gained === 0) break;
  }
  return added;
}
