import { checkSchedule } from './check-schedule.js';
import { exactModel, solveExactly, type LpSolver } from './exact-model.js';
import { allowedSlots, buildInstance, requirements } from './instance.js';
import { Prng } from '@api/platform/random/prng.js';
import { randomSession, session } from './session.fixtures.js';
import type { SchedulingProblem } from './types.js';

/**
 * The integer programme against brute force on tiny sessions: the solver (HiGHS in WebAssembly, a
 * development dependency; it runs here, nothing is mocked) must find exactly the most meetings
 * that any valid schedule places, and its schedule must pass the verifier.
 */
let solver: LpSolver;
beforeAll(async () => {
  // The package is CommonJS to the type checker but its ES build exports the loader as default.
  const loadHighs = (await import('highs')).default as unknown as () => Promise<LpSolver>;
  solver = await loadHighs();
});

/** The most meetings placeable, by trying every slot (or none) for every meeting. */
function bruteForce(problem: SchedulingProblem): number {
  const instance = buildInstance(problem);
  const allowed = allowedSlots(instance, requirements(instance, {}));
  const { meetingCount: M, participantCount: P, slotCount: S, ma, mb, limit, tables } = instance;
  const busy = new Uint8Array(P * S);
  const load = new Int32Array(S);
  const count = new Int32Array(P);
  let best = 0;
  const visit = (m: number, placed: number): void => {
    if (placed + (M - m) <= best) return;
    if (m === M) {
      best = placed;
      return;
    }
    const a = ma[m]!;
    const b = mb[m]!;
    for (let i = allowed.start[m]!; i < allowed.start[m + 1]!; i += 1) {
      const s = allowed.list[i]!;
      if (busy[a * S + s] || busy[b * S + s] || load[s]! >= tables || count[a]! >= limit[a]! || count[b]! >= limit[b]!) continue;
      busy[a * S + s] = busy[b * S + s] = 1;
      load[s]! += 1;
      count[a]! += 1;
      count[b]! += 1;
      visit(m + 1, placed + 1);
      busy[a * S + s] = busy[b * S + s] = 0;
      load[s]! -= 1;
      count[a]! -= 1;
      count[b]! -= 1;
    }
    visit(m + 1, placed);
  };
  visit(0, 0);
  return best;
}

function tinySession(seed: number): SchedulingProblem {
  const rng = new Prng(seed * 104729);
  const participants = rng.between(3, 7);
  const slots = rng.between(1, 4);
  const problem = randomSession({
    seed,
    participants,
    slots,
    breaks: rng.below(4) === 0 ? [rng.below(slots)] : [],
    tables: rng.between(1, 3),
    meetingsPerParticipant: [1, 4],
    unavailableShare: [0, 0.5],
    maxMeetings: rng.below(2) === 0 ? [1, 3] : undefined,
  });
  return { ...problem, meetings: problem.meetings.slice(0, 9) };
}

/** A schedule from the solver's placements, with tables given out in order, for the verifier. */
function asResult(problem: SchedulingProblem, placements: Array<{ meetingId: string; slot: number }>) {
  const used = new Map<number, number>();
  const placed = placements.map((placement) => {
    const table = used.get(placement.slot) ?? 0;
    used.set(placement.slot, table + 1);
    return { ...placement, table };
  });
  const ids = new Set(placed.map((placement) => placement.meetingId));
  const unplaced = problem.meetings.filter((meeting) => !ids.has(meeting.id)).map((meeting) => ({ meetingId: meeting.id, reason: 'PARTICIPANTS_BUSY' as const, message: '' }));
  return { placements: placed, unplaced, stats: { meetings: problem.meetings.length, placed: placed.length, unplaced: unplaced.length, upperBound: 0, idleGaps: 0, moved: 0, searchSteps: 0 } };
}

describe('exactModel solved by HiGHS', () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))('seed %i: the optimum equals brute force and its schedule is valid', (seed) => {
    const problem = tinySession(seed);
    const answer = solveExactly(solver, problem);
    expect(answer.optimal).toBe(true);
    expect(answer.placed).toBe(bruteForce(problem));
    expect(checkSchedule(problem, asResult(problem, answer.placements))).toEqual([]);
  });

  it('finds 13 for the Petersen graph in three slots, where the upper bound says 15', () => {
    const outer = [0, 1, 2, 3, 4].map((i) => [i, (i + 1) % 5]);
    const spokes = [0, 1, 2, 3, 4].map((i) => [i, i + 5]);
    const inner = [0, 1, 2, 3, 4].map((i) => [5 + i, 5 + ((i + 2) % 5)]);
    const problem = session({
      slots: 3,
      participants: Array.from({ length: 10 }, (_, i) => `p${i}`),
      meetings: [...outer, ...spokes, ...inner].map(([a, b], i) => [`m${i}`, `p${a}`, `p${b}`] as [string, string, string]),
    });
    expect(solveExactly(solver, problem)).toMatchObject({ optimal: true, placed: 13 });
  });

  it('writes only the rows that can bind, and nothing when no meeting has a slot', () => {
    const problem = session({ slots: 2, tables: 1, participants: [{ id: 'a', maxMeetings: 1 }, 'b', 'c'], meetings: [['ab', 'a', 'b'], ['ac', 'a', 'c']] });
    const { lp, columns } = exactModel(problem);
    expect([...columns.keys()]).toEqual(['x0_0', 'x0_1', 'x1_0', 'x1_1']);
    expect(lp).toContain('tables0: x0_0 + x1_0 <= 1');
    expect(lp).toContain('busy0_0: x0_0 + x1_0 <= 1');
    expect(lp).toContain('limit0: x0_0 + x0_1 + x1_0 + x1_1 <= 1');
    expect(lp).not.toContain('limit1');
    const none = session({ slots: 1, participants: [{ id: 'a', unavailable: [0] }, 'b'], meetings: [['ab', 'a', 'b']] });
    expect(exactModel(none).lp).toBe('');
    expect(solveExactly(solver, none)).toMatchObject({ optimal: true, placed: 0 });
  });
});
