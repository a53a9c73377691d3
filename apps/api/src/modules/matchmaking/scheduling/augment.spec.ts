import { augment } from './augment.js';
import { Board } from './board.js';
import { checkSchedule } from './check-schedule.js';
import { allowedSlots, buildInstance, requirements } from './instance.js';
import { Prng } from '@api/platform/random/prng.js';
import { ruinAndRepair } from './ruin-repair.js';
import { randomSession, session } from './session.fixtures.js';
import type { SchedulingProblem } from './types.js';

/** A board with the given meetings placed (by id → slot), and what augment needs around it. */
function setUp(problem: SchedulingProblem, placed: Record<string, number>) {
  const instance = buildInstance(problem);
  const allowed = allowedSlots(instance, requirements(instance, {}));
  const board = new Board(instance);
  problem.meetings.forEach((meeting, m) => {
    if (placed[meeting.id] !== undefined) board.place(m, placed[meeting.id]!);
  });
  const input = { board, allowed, fixed: new Uint8Array(instance.meetingCount), weight: new Int32Array(instance.meetingCount).fill(1), rng: new Prng(1), target: instance.meetingCount };
  const slotOf = (id: string): number => board.slotOf[problem.meetings.findIndex((meeting) => meeting.id === id)]!;
  return { instance, board, input, slotOf };
}

/** The board as a schedule for the verifier (tables given out in order). */
function asResult(problem: SchedulingProblem, board: Board) {
  const used = new Map<number, number>();
  const placements = problem.meetings.flatMap((meeting, m) => {
    const slot = board.slotOf[m]!;
    if (slot < 0) return [];
    const table = used.get(slot) ?? 0;
    used.set(slot, table + 1);
    return [{ meetingId: meeting.id, slot, table }];
  });
  const unplaced = problem.meetings.filter((_, m) => board.slotOf[m]! < 0).map((meeting) => ({ meetingId: meeting.id, reason: 'PARTICIPANTS_BUSY' as const, message: '' }));
  return { placements, unplaced, stats: { meetings: problem.meetings.length, placed: placements.length, unplaced: unplaced.length, upperBound: 0, idleGaps: 0, moved: 0, searchSteps: 0 } };
}

describe('augment', () => {
  it('moves a meeting that is in the way to another slot', () => {
    // a can only meet in slot 0, where b already meets c; b–c can move to slot 1.
    const problem = session({ slots: 2, participants: [{ id: 'a', unavailable: [1] }, 'b', 'c'], meetings: [['ab', 'a', 'b'], ['bc', 'b', 'c']] });
    const { board, input, slotOf } = setUp(problem, { bc: 0 });
    expect(augment(input)).toBe(1);
    expect([slotOf('ab'), slotOf('bc')]).toEqual([0, 1]);
    expect(checkSchedule(problem, asResult(problem, board))).toEqual([]);
  });

  it('trades a meeting of a participant at their limit for one the freed partner can have', () => {
    // a and b allow one meeting each and meet each other; b–c and a–d can both happen instead.
    const problem = session({
      slots: 2,
      participants: [{ id: 'a', maxMeetings: 1 }, { id: 'b', maxMeetings: 1 }, 'c', 'd'],
      meetings: [['ab', 'a', 'b'], ['bc', 'b', 'c'], ['ad', 'a', 'd']],
    });
    const { board, input, slotOf } = setUp(problem, { ab: 0 });
    expect(augment(input)).toBe(1);
    expect(slotOf('ab')).toBe(-1);
    expect(slotOf('bc')).toBeGreaterThanOrEqual(0);
    expect(slotOf('ad')).toBeGreaterThanOrEqual(0);
    expect(checkSchedule(problem, asResult(problem, board))).toEqual([]);
  });

  it('moves a meeting out of a full slot', () => {
    // One table; c–d can only meet in slot 0, where a–b sits; a–b can move to slot 1.
    const problem = session({ slots: 2, tables: 1, participants: ['a', 'b', { id: 'c', unavailable: [1] }, 'd'], meetings: [['ab', 'a', 'b'], ['cd', 'c', 'd']] });
    const { input, slotOf } = setUp(problem, { ab: 0 });
    expect(augment(input)).toBe(1);
    expect([slotOf('ab'), slotOf('cd')]).toEqual([1, 0]);
  });

  it('never takes out fixed meetings nor leaves out heavy (announced) ones', () => {
    const problem = session({
      slots: 2,
      participants: [{ id: 'a', maxMeetings: 1 }, { id: 'b', maxMeetings: 1, unavailable: [1] }, 'c', 'd'],
      meetings: [['ab', 'a', 'b'], ['bc', 'b', 'c'], ['ad', 'a', 'd']],
    });
    const fixedRun = setUp(problem, { ab: 0 });
    fixedRun.input.fixed[0] = 1;
    expect(augment(fixedRun.input)).toBe(0);
    expect(fixedRun.slotOf('ab')).toBe(0);
    const heavyRun = setUp(problem, { ab: 0 });
    heavyRun.input.weight[0] = 10;
    expect(augment(heavyRun.input)).toBe(0);
    expect(heavyRun.slotOf('ab')).toBe(0);
  });

  it.each([1, 2, 3, 4, 5, 6])('seed %i: adds exactly what it reports, keeps the schedule valid, and is deterministic', (seed) => {
    const problem = randomSession({ seed, participants: 40, slots: 5, tables: 8, meetingsPerParticipant: [3, 7], unavailableShare: [0.4, 0.5], maxMeetings: [2, 4] });
    const runs = [0, 1].map(() => {
      const { board, input } = setUp(problem, {});
      const added = augment(input);
      expect(board.placed).toBe(added);
      expect(checkSchedule(problem, asResult(problem, board))).toEqual([]);
      return board.snapshot();
    });
    expect(runs[1]).toEqual(runs[0]);
  });
});

describe('ruinAndRepair', () => {
  it.each([1, 2, 3])('seed %i: never ends with fewer meetings, keeps fixed ones where they were, stays valid', (seed) => {
    const problem = randomSession({ seed, participants: 40, slots: 5, tables: 8, meetingsPerParticipant: [3, 7], unavailableShare: [0.4, 0.5], maxMeetings: [2, 4] });
    const { board, input } = setUp(problem, {});
    augment(input);
    // Every fifth placed meeting becomes fixed.
    const fixedAt = new Map<number, number>();
    for (let m = 0; m < problem.meetings.length; m += 5) {
      if (board.slotOf[m]! < 0) continue;
      input.fixed[m] = 1;
      fixedAt.set(m, board.slotOf[m]!);
    }
    const before = board.placed;
    const rounds = ruinAndRepair({ ...input, rounds: 60, patience: 60 });
    expect(rounds).toBeGreaterThan(0);
    expect(board.placed).toBeGreaterThanOrEqual(before);
    for (const [m, s] of fixedAt) expect(board.slotOf[m]).toBe(s);
    expect(checkSchedule(problem, asResult(problem, board))).toEqual([]);
  });
});
