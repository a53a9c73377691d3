import { augment, type AugmentInput } from './augment.js';

export interface RuinRepairInput extends AugmentInput {
  /** Rounds of ruin and repair. */
  rounds: number;
  /** Stop after this many rounds without a gain. */
  patience: number;
}

/** Participants whose meetings one round takes out: one drawn at random and two they meet. */
const RUINED_PARTICIPANTS = 3;

/**
 * Large-neighbourhood search ("ruin and recreate"): take out every movable meeting of a few
 * participants who meet each other, put back what fits with augmenting chains started from the
 * meetings of those participants, and keep the result unless fewer meetings are placed (an equal
 * count is kept too, which moves the search along plateaus). On sessions with few slots and many
 * blocked ones the augmenting chains alone stop at a local optimum; rebuilding a neighbourhood
 * changes which meetings each participant keeps, which the chains never undo. Announced and fixed
 * meetings are never taken out. Returns the rounds run.
 */
export function ruinAndRepair(input: RuinRepairInput): number {
  const { board, fixed, weight, rng } = input;
  const { instance } = board;
  const { participantCount: P, ma, mb, incident, incidentStart } = instance;
  if (P === 0) return 0;
  let best = board.placed;
  let sinceGain = 0;
  let rounds = 0;
  for (; rounds < input.rounds && sinceGain < input.patience && board.placed < input.target; rounds += 1) {
    const before = board.placed;
    const saved = board.snapshot();
    const p = rng.below(P);
    const people = [p];
    for (let i = incidentStart[p]!; i < incidentStart[p + 1]! && people.length < RUINED_PARTICIPANTS; i += 1) {
      const m = incident[i]!;
      if (board.slotOf[m]! >= 0) people.push(ma[m] === p ? mb[m]! : ma[m]!);
    }
    const roots: number[] = [];
    for (const q of people) {
      for (let i = incidentStart[q]!; i < incidentStart[q + 1]!; i += 1) {
        const m = incident[i]!;
        if (board.slotOf[m]! >= 0 && !fixed[m] && weight[m] === 1) board.remove(m);
        if (board.slotOf[m]! < 0) roots.push(m);
      }
    }
    augment(input, roots);
    if (board.placed < before) board.restore(saved);
    if (board.placed > best) {
      best = board.placed;
      sinceGain = 0;
    } else {
      sinceGain += 1;
    }
  }
  return rounds;
}
