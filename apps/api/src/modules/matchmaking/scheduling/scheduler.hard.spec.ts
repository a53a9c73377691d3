import { checkSchedule } from './check-schedule.js';
import { solveExactly, type LpSolver } from './exact-model.js';
import { Prng } from '@api/platform/random/prng.js';
import { schedule } from './scheduler.js';
import { randomSession } from './session.fixtures.js';
import type { SchedulingProblem } from './types.js';
import { upperBound } from './upper-bound.js';

/**
 * Hard sessions (few slots, 40–50% of them blocked for each participant, tight limits) against the
 * true optimum from an exact solver (HiGHS in WebAssembly, a development dependency that runs here).
 * Before the augmenting chains and ruin-and-repair the scheduler placed 92–98% of the optimum on
 * sessions like these.
 */
let solver: LpSolver;
beforeAll(async () => {
  // The package is CommonJS to the type checker but its ES build exports the loader as default.
  const loadHighs = (await import('highs')).default as unknown as () => Promise<LpSolver>;
  solver = await loadHighs();
});

function hardSession(seed: number, participants: number): SchedulingProblem {
  const slots = new Prng(seed).between(4, 11);
  return randomSession({ seed, participants, slots, tables: Math.round(participants / 4), meetingsPerParticipant: [3, 8], unavailableShare: [0.4, 0.5], maxMeetings: [2, Math.max(3, slots - 2)] });
}

describe('schedule on hard sessions', () => {
  it('generates them with 40–50% of each participant’s slots blocked, the count drawn per participant', () => {
    const problem = hardSession(11, 80);
    const slots = problem.slots.length;
    const counts = problem.participants.map((participant) => participant.unavailable!.length);
    for (const count of counts) {
      expect(count).toBeGreaterThanOrEqual(Math.ceil(0.4 * slots));
      expect(count).toBeLessThanOrEqual(Math.max(Math.ceil(0.4 * slots), Math.floor(0.5 * slots)));
    }
  });

  it.each([
    [7050, 50],
    [7181, 50],
    [7100, 100],
  ])('seed %i, %i participants: at least 99%% of the exact optimum, valid, within the bound', (seed, participants) => {
    const problem = hardSession(seed, participants);
    const result = schedule(problem);
    const optimum = solveExactly(solver, problem);
    expect(optimum.optimal).toBe(true);
    expect(checkSchedule(problem, result)).toEqual([]);
    expect(result.stats.placed).toBeLessThanOrEqual(optimum.placed);
    expect(result.stats.placed).toBeGreaterThanOrEqual(Math.ceil(0.99 * optimum.placed));
    expect(optimum.placed).toBeLessThanOrEqual(upperBound(problem));
  });
});
