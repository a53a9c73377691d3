import { allowedSlots, buildInstance, requirements, type AllowedSlots, type Instance } from './instance.js';
import { FlowNetwork } from './max-flow.js';
import type { ScheduleOptions, SchedulingProblem } from './types.js';

export interface BoundParts {
  /** Meetings that have at least one slot they may take (usable, both available, pin respected). */
  placeable: number;
  /** (b) ⌊F / 2⌋, F the maximum flow of the doubled participant graph with capacities cap(p). */
  participants: number;
  /** (c) Σ over slots of min(tables, ⌊c_t / 2⌋, meetings allowed at t). */
  tables: number;
  bound: number;
}

/**
 * An upper bound on the number of meetings any valid schedule places, with the same pins and (unless
 * `allowMoves`) the same announced places the scheduler respects: the least of three counts.
 *
 * Let A(m) be the slots meeting m may take: usable, both participants available, and the pinned or
 * announced slot when it is fixed. Take any valid schedule and let P be its placed meetings.
 *
 * (a) placeable = |{m : A(m) ≠ ∅}|. Every m in P sits in a slot of A(m), so |P| ≤ placeable.
 *
 * (b) For a participant p let cap(p) = min(maxMeetings(p), ν(p)), where ν(p) is the size of a maximum
 *     matching between p's meetings and the slots, m joined to every slot of A(m). The meetings of p
 *     in P occupy distinct slots (no participant has two meetings in one slot), each inside its A(m),
 *     so they are such a matching, and there are at most maxMeetings(p) of them: deg_P(p) ≤ cap(p).
 *     Build a flow network: source → p (capacity cap(p)), p → q′ and q → p′ (capacity 1) for each
 *     meeting {p, q} with A(m) ≠ ∅, p′ → sink (capacity cap(p)). P yields a feasible flow of value
 *     2|P|: one unit along source → p → q′ → sink and one along source → q → p′ → sink for each
 *     {p, q} in P. The arcs of a meeting carry one unit each, and the flow through p and through p′
 *     is deg_P(p) ≤ cap(p). So 2|P| ≤ F, the maximum flow, and |P| ≤ ⌊F / 2⌋. (F / 2 is the optimum of
 *     the linear relaxation of the capacitated b-matching; this also implies |P| ≤ Σ cap(p) / 2.)
 *
 * (c) In a slot t at most `tables` meetings take place. They share no participant (nobody has two
 *     meetings in one slot), so k of them involve 2k distinct participants, all among the c_t
 *     participants p with some meeting m ∋ p and t ∈ A(m): k ≤ ⌊c_t / 2⌋. And each is one of the
 *     meetings with t ∈ A(m). Summing min(tables, ⌊c_t / 2⌋, |{m : t ∈ A(m)}|) over the slots
 *     bounds |P|.
 *
 * Each of the three holds for every valid schedule, so their minimum does.
 */
export function upperBound(problem: SchedulingProblem, options: ScheduleOptions = {}): number {
  return upperBoundParts(problem, options).bound;
}

/** The bound and its three parts. */
export function upperBoundParts(problem: SchedulingProblem, options: ScheduleOptions = {}): BoundParts {
  const instance = buildInstance(problem);
  return boundWithPairFlow(instance, allowedSlots(instance, requirements(instance, options))).parts;
}

/**
 * The bound, cap(p) of (b), and for each meeting the flow its two arcs carry in (b): 0, 1 or 2.
 * Halved, that is an optimal fractional choice of meetings within the capacities, which the
 * scheduler starts its own choice from.
 */
export function boundWithPairFlow(instance: Instance, allowed: AllowedSlots): { parts: BoundParts; pairFlow: Uint8Array; cap: Int32Array } {
  const { meetingCount: M, participantCount: P, slotCount: S, ma, mb } = instance;
  const has = (m: number): boolean => allowed.start[m + 1]! > allowed.start[m]!;

  let placeable = 0;
  for (let m = 0; m < M; m += 1) if (has(m)) placeable += 1;

  // (b) Nodes: source 0, p at 1 + p, p′ at 1 + P + p, sink 1 + 2P.
  const source = 0;
  const sink = 1 + 2 * P;
  const network = new FlowNetwork(2 + 2 * P);
  const cap = new Int32Array(P);
  for (let p = 0; p < P; p += 1) {
    cap[p] = participantCapacity(instance, allowed, p);
    network.addArc(source, 1 + p, cap[p]!);
    network.addArc(1 + P + p, sink, cap[p]!);
  }
  const arcs = new Int32Array(M).fill(-1);
  for (let m = 0; m < M; m += 1) {
    if (!has(m)) continue;
    arcs[m] = network.addArc(1 + ma[m]!, 1 + P + mb[m]!, 1);
    network.addArc(1 + mb[m]!, 1 + P + ma[m]!, 1);
  }
  const participants = Math.floor(network.maxFlow(source, sink) / 2);
  const pairFlow = new Uint8Array(M);
  // The two arcs of a meeting were added one after the other: each arc and its reverse take two ids.
  for (let m = 0; m < M; m += 1) if (arcs[m]! >= 0) pairFlow[m] = network.flowOn(arcs[m]!) + network.flowOn(arcs[m]! + 2);

  // (c)
  const meetingsAt = new Int32Array(S);
  const canMeet = new Uint8Array(P * S);
  for (let m = 0; m < M; m += 1) {
    for (let i = allowed.start[m]!; i < allowed.start[m + 1]!; i += 1) {
      const s = allowed.list[i]!;
      meetingsAt[s]! += 1;
      canMeet[ma[m]! * S + s] = 1;
      canMeet[mb[m]! * S + s] = 1;
    }
  }
  let tables = 0;
  for (let s = 0; s < S; s += 1) {
    let people = 0;
    for (let p = 0; p < P; p += 1) people += canMeet[p * S + s]!;
    tables += Math.min(instance.tables, Math.floor(people / 2), meetingsAt[s]!);
  }

  return { parts: { placeable, participants, tables, bound: Math.min(placeable, participants, tables) }, pairFlow, cap };
}

/** cap(p) of (b): maxMeetings, and how many of p's meetings fit in distinct slots at all (Kuhn's matching). */
export function participantCapacity(instance: Instance, allowed: AllowedSlots, p: number): number {
  const meetings = Array.from(instance.incident.subarray(instance.incidentStart[p]!, instance.incidentStart[p + 1]!));
  const slotTaker = new Map<number, number>();
  const tryPlace = (m: number, seen: Set<number>): boolean => {
    for (let i = allowed.start[m]!; i < allowed.start[m + 1]!; i += 1) {
      const s = allowed.list[i]!;
      if (seen.has(s)) continue;
      seen.add(s);
      const taker = slotTaker.get(s);
      if (taker === undefined || tryPlace(taker, seen)) {
        slotTaker.set(s, m);
        return true;
      }
    }
    return false;
  };
  let matched = 0;
  const limit = instance.limit[p]!;
  for (const m of meetings) {
    if (matched >= limit) break;
    if (tryPlace(m, new Set())) matched += 1;
  }
  return Math.min(matched, limit);
}
